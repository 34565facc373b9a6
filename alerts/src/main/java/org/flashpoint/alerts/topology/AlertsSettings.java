package org.flashpoint.alerts.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.flashpoint.contracts.Topic;
import org.flashpoint.streams.StreamsSettings;

/**
 * Everything the alerts topology needs, in one validated value.
 *
 * <p><b>Wall clock.</b> Stream time moves only when records arrive, so a dyad that goes quiet would keep its alert
 * open forever. With {@code wallClockInterval} set (live operation) a punctuator advances, every interval, each dyad
 * with an open alert to the wall-clock time, and its alerts resolve once the quiet period has passed. It does so only
 * while the input is live (its newest record less than a day old): silence everywhere means a stalled pipeline or a
 * replay of history, not calm, so a replay left with the wall clock on still runs on event time. The price: the
 * outcome then depends on when records arrive, and a record published before the advanced clock is evaluated at
 * that clock (an alert resolved on the wall clock may be raised again by a late article). Replays and backtests
 * leave it null and run on event time only, so they are deterministic; their quiet dyads resolve when their next
 * record arrives, at the instant the quiet period ended.
 *
 * @param applicationId       Kafka Streams application id
 * @param bootstrapServers    Kafka bootstrap servers
 * @param stateDir            local state directory, null for the Kafka Streams default
 * @param topicPrefix         prepended to every topic name (empty in production; tests isolate with it)
 * @param rulesFile           the rules file, null for the bundled defaults
 * @param processingGuarantee {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param wallClockInterval   how often quiet dyads are advanced on the wall clock; null for event time only
 * @param kafkaProperties     further Kafka Streams, consumer or producer settings, applied last so they override ours
 */
public record AlertsSettings(String applicationId, String bootstrapServers, Path stateDir, String topicPrefix,
                             Path rulesFile, String processingGuarantee, Duration wallClockInterval,
                             Map<String, String> kafkaProperties) {

    public static final String DEFAULT_APPLICATION_ID = "flashpoint-alerts";

    public AlertsSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        processingGuarantee = processingGuarantee == null ? StreamsConfig.EXACTLY_ONCE_V2 : processingGuarantee;
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException("processing guarantee must be exactly_once_v2 or at_least_once, got " + processingGuarantee);
        }
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
        if (wallClockInterval != null && (wallClockInterval.isZero() || wallClockInterval.isNegative())) {
            throw new IllegalArgumentException("wall-clock interval must be positive, got " + wallClockInterval);
        }
    }

    /** Live defaults: bundled rules, exactly once, quiet dyads advanced every ten seconds of wall-clock time. */
    public static AlertsSettings live(String bootstrapServers) {
        return new AlertsSettings(DEFAULT_APPLICATION_ID, bootstrapServers, null, "", null, StreamsConfig.EXACTLY_ONCE_V2,
                Duration.ofSeconds(10), Map.of());
    }

    public AlertsSettings withApplicationId(String id) {
        return new AlertsSettings(id, bootstrapServers, stateDir, topicPrefix, rulesFile, processingGuarantee, wallClockInterval, kafkaProperties);
    }

    public AlertsSettings withStateDir(Path dir) {
        return new AlertsSettings(applicationId, bootstrapServers, dir, topicPrefix, rulesFile, processingGuarantee, wallClockInterval, kafkaProperties);
    }

    public AlertsSettings withTopicPrefix(String prefix) {
        return new AlertsSettings(applicationId, bootstrapServers, stateDir, prefix, rulesFile, processingGuarantee, wallClockInterval, kafkaProperties);
    }

    public AlertsSettings withRulesFile(Path file) {
        return new AlertsSettings(applicationId, bootstrapServers, stateDir, topicPrefix, file, processingGuarantee, wallClockInterval, kafkaProperties);
    }

    /** Event time only, for replays: no wall-clock advance. */
    public AlertsSettings withoutWallClock() {
        return new AlertsSettings(applicationId, bootstrapServers, stateDir, topicPrefix, rulesFile, processingGuarantee, null, kafkaProperties);
    }

    public AlertsSettings withWallClockInterval(Duration interval) {
        return new AlertsSettings(applicationId, bootstrapServers, stateDir, topicPrefix, rulesFile, processingGuarantee, interval, kafkaProperties);
    }

    public AlertsSettings withKafkaProperties(Map<String, String> properties) {
        return new AlertsSettings(applicationId, bootstrapServers, stateDir, topicPrefix, rulesFile, processingGuarantee,
                wallClockInterval, properties);
    }

    /** {@code topic} under this deployment's prefix, with the same serdes and settings. */
    public <K, V> Topic<K, V> topic(Topic<K, V> topic) {
        return topicPrefix.isEmpty() ? topic : new Topic<>(topicPrefix + topic.name(), topic.keySerde(), topic.valueSerde(),
                topic.partitions(), topic.compacted(), topic.retention(), topic.schema());
    }

    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        // A payload that is not an Incident or DyadIndicator, or one the evaluator cannot handle, is skipped with a log
        // line naming topic, partition and offset: retrying it would stop alerting for every dyad of the partition.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), StreamsSettings.PRODUCER_BATCH_BYTES);
        props.putAll(kafkaProperties);
        return props;
    }
}
