package org.flashpoint.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.flashpoint.contracts.Topics;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void theDefaultIsExactlyOnceWithAThreadPerCoreCompressedAndNoQueryEndpoint() {
        Properties props = StreamsSettings.defaults("broker:9092").streamsProperties();
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "flashpoint-streams")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors())
                .containsEntry("producer.compression.type", "lz4")
                .containsEntry("producer.batch.size", 262_144)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
                .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    @Test
    void aTopicPrefixRenamesTopicsButKeepsTheirSettings() {
        StreamsSettings settings = StreamsSettings.defaults("broker:9092").withTopicPrefix("test-1.");
        assertThat(settings.topic(Topics.INCIDENTS).name()).isEqualTo("test-1.incidents");
        assertThat(settings.topic(Topics.INCIDENTS).compacted()).isTrue();
        assertThat(StreamsSettings.defaults("broker:9092").topic(Topics.INCIDENTS)).isSameAs(Topics.INCIDENTS);
    }

    @Test
    void anUnknownProcessingGuaranteeIsRefused() {
        StreamsSettings d = StreamsSettings.defaults("broker:9092");
        assertThatThrownBy(() -> new StreamsSettings(d.applicationId(), d.bootstrapServers(), null, null, "", 1, "exactly_once",
                d.dedupeRetention(), d.incidents(), d.indicators(), null)).hasMessageContaining("exactly_once_v2 or at_least_once");
    }

    @Test
    void kafkaPropertiesOverrideOurs() {
        Properties props = StreamsSettings.defaults("broker:9092")
                .withKafkaProperties(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                        "consumer.session.timeout.ms", "10000"))
                .streamsProperties();
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
                .containsEntry("consumer.session.timeout.ms", "10000");
    }
}
