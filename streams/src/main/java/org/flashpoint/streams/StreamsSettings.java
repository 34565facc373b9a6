package org.flashpoint.streams;

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
import org.flashpoint.streams.incidents.IncidentSettings;
import org.flashpoint.streams.indicators.IndicatorSettings;

/**
 * Everything the streams role needs, in one validated value.
 *
 * @param applicationId        Kafka Streams application id (consumer group, internal topic prefix)
 * @param bootstrapServers     Kafka bootstrap servers
 * @param stateDir             local state directory
 * @param applicationServer    host:port other instances forward interactive queries to, null for a single instance
 * @param topicPrefix          prepended to every topic name of {@code Topics} (empty in production; tests isolate with it)
 * @param threads              stream threads of this instance
 * @param processingGuarantee  {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param dedupeRetention      how long an article id is remembered to drop duplicates
 * @param incidents            incident merging
 * @param indicators           indicator windows and baselines
 * @param kafkaProperties      further Kafka Streams, consumer or producer settings, applied last so they override ours
 */
public record StreamsSettings(String applicationId, String bootstrapServers, Path stateDir, String applicationServer,
                              String topicPrefix, int threads, String processingGuarantee, Duration dedupeRetention,
                              IncidentSettings incidents, IndicatorSettings indicators,
                              Map<String, String> kafkaProperties) {

    public static final String DEFAULT_APPLICATION_ID = "flashpoint-streams";
    /** Producer batch size of the stream processing roles (Kafka's default is 16 KiB). */
    public static final int PRODUCER_BATCH_BYTES = 256 * 1024;
    /** Commit interval of the streams role (exactly-once's default is 100 ms). */
    public static final int COMMIT_INTERVAL_MS = 200;

    public StreamsSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(dedupeRetention, "dedupeRetention");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(indicators, "indicators");
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        processingGuarantee = processingGuarantee == null ? StreamsConfig.EXACTLY_ONCE_V2 : processingGuarantee;
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException("processing guarantee must be exactly_once_v2 or at_least_once, got " + processingGuarantee);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Defaults for everything but where Kafka is; one stream thread per core. */
    public static StreamsSettings defaults(String bootstrapServers) {
        return new StreamsSettings(DEFAULT_APPLICATION_ID, bootstrapServers, null, null, "",
                Runtime.getRuntime().availableProcessors(), StreamsConfig.EXACTLY_ONCE_V2,
                Duration.ofDays(7), IncidentSettings.DEFAULTS, IndicatorSettings.DEFAULTS, Map.of());
    }

    public StreamsSettings withApplicationId(String id) {
        return new StreamsSettings(id, bootstrapServers, stateDir, applicationServer, topicPrefix, threads,
                processingGuarantee, dedupeRetention, incidents, indicators, kafkaProperties);
    }

    public StreamsSettings withStateDir(Path dir) {
        return new StreamsSettings(applicationId, bootstrapServers, dir, applicationServer, topicPrefix, threads,
                processingGuarantee, dedupeRetention, incidents, indicators, kafkaProperties);
    }

    public StreamsSettings withApplicationServer(String hostPort) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, hostPort, topicPrefix, threads,
                processingGuarantee, dedupeRetention, incidents, indicators, kafkaProperties);
    }

    public StreamsSettings withTopicPrefix(String prefix) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, prefix, threads,
                processingGuarantee, dedupeRetention, incidents, indicators, kafkaProperties);
    }

    public StreamsSettings withThreads(int count) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, topicPrefix, count,
                processingGuarantee, dedupeRetention, incidents, indicators, kafkaProperties);
    }

    public StreamsSettings withIndicators(IndicatorSettings settings) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, topicPrefix, threads,
                processingGuarantee, dedupeRetention, incidents, settings, kafkaProperties);
    }

    public StreamsSettings withKafkaProperties(Map<String, String> properties) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, topicPrefix, threads,
                processingGuarantee, dedupeRetention, incidents, indicators, properties);
    }

    /** {@code topic} under this deployment's prefix, with the same serdes and settings. */
    public <K, V> Topic<K, V> topic(Topic<K, V> topic) {
        return topicPrefix.isEmpty() ? topic : new Topic<>(topicPrefix + topic.name(), topic.keySerde(), topic.valueSerde(),
                topic.partitions(), topic.compacted(), topic.retention(), topic.schema());
    }

    /** The Kafka Streams configuration. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        // The topology parses and guards its own input and routes failures to articles.rejected; these handlers are
        // the last line for internal topics, so a surprise skips one record instead of stopping a thread.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName());
        // Incidents, indicators and updates are repetitive JSON: lz4 shrinks what every output and changelog carries.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Each article becomes about twenty records of 0.4-10 KB over a dozen partitions; with 16 KB batches most
        // requests carried one or two records, and the broker's request handling outweighed the processing.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        // Each commit ends a transaction: markers on every partition written, caches flushed to the changelogs, and an
        // article waits for two of them (before and after the repartition). Every 300 ms instead of 100 ms the bench's
        // pipeline carried 174 instead of 150 articles/s; 200 ms carried as much as 300 ms and brought the p99 to its
        // indicators at 100 articles/s from 0.8-1.1 s to 0.55-0.76 s (bench runs in the eighth session, README).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.putAll(kafkaProperties);
        return props;
    }
}
