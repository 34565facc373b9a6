package org.flashpoint.streams;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.streams.topology.FlashpointTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams role of one process: creates missing topics, starts Kafka Streams on the Flashpoint topology and
 * closes it with a bounded wait.
 */
public final class StreamsRunner implements RunningStreams, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final StreamsSettings settings;
    private final KafkaStreams streams;

    private StreamsRunner(StreamsSettings settings, KafkaStreams streams) {
        this.settings = settings;
        this.streams = streams;
    }

    /** Starts the role with the analysis engine. */
    public static StreamsRunner start(StreamsSettings settings, Analyzer analyzer) {
        return start(settings, analyzer::analyze);
    }

    /** Ensures the topics exist and starts processing; returns at once, before the first rebalance ends. */
    public static StreamsRunner start(StreamsSettings settings, Function<Article, ClassifiedArticle> analysis) {
        Objects.requireNonNull(settings, "settings");
        TopicAdmin.ensureTopics(settings.bootstrapServers(), FlashpointTopology.topics(settings));
        Topology topology = FlashpointTopology.build(settings, analysis);
        LOG.info("Flashpoint topology for {}:\n{}", settings.applicationId(), topology.describe());
        KafkaStreams streams = StreamsLifecycle.start("streams", topology, settings.streamsProperties());
        return new StreamsRunner(settings, streams);
    }

    public StreamsSettings settings() {
        return settings;
    }

    @Override
    public String role() {
        return "streams";
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
        StreamsLifecycle.close("streams", streams);
    }
}
