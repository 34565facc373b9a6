package org.flashpoint.alerts.topology;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.streams.RunningStreams;
import org.flashpoint.streams.StreamsLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert evaluation of one process: loads and validates the rules (a bad file fails here, before anything
 * starts), creates missing topics, runs the {@link AlertsTopology} and closes it with a bounded wait.
 */
public final class AlertsStreamsRunner implements RunningStreams, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsStreamsRunner.class);

    private final AlertsSettings settings;
    private final RuleSet rules;
    private final KafkaStreams streams;

    private AlertsStreamsRunner(AlertsSettings settings, RuleSet rules, KafkaStreams streams) {
        this.settings = settings;
        this.rules = rules;
        this.streams = streams;
    }

    /** Starts processing; returns at once, before the first rebalance ends. */
    public static AlertsStreamsRunner start(AlertsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        RuleSet rules = settings.rulesFile() == null ? RuleSet.loadDefault() : RuleSet.load(settings.rulesFile());
        TopicAdmin.ensureTopics(settings.bootstrapServers(), AlertsTopology.topics(settings));
        Topology topology = AlertsTopology.build(settings, rules);
        LOG.info("alerts topology for {} with {} rules from {}:\n{}", settings.applicationId(), rules.rules().size(),
                rules.source(), topology.describe());
        KafkaStreams streams = StreamsLifecycle.start("alerts", topology, settings.streamsProperties());
        return new AlertsStreamsRunner(settings, rules, streams);
    }

    public AlertsSettings settings() {
        return settings;
    }

    public RuleSet rules() {
        return rules;
    }

    @Override
    public String role() {
        return "alerts";
    }

    @Override
    public KafkaStreams streams() {
        return streams;
    }

    /** Waits until the instance is RUNNING; false when {@code timeout} passed first or it failed. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return StreamsLifecycle.awaitRunning(streams, timeout);
    }

    @Override
    public void close() {
        StreamsLifecycle.close("alerts", streams);
    }
}
