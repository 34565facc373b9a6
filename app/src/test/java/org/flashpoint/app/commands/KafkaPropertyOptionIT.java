package org.flashpoint.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flashpoint.alerts.topology.AlertsStreamsRunner;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.streams.StreamsRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --kafka-property} from the command line to the running role, on a real broker: the command's options become
 * the Micronaut properties it starts the role with, the role's settings carry the entries with their keys as given,
 * and Kafka Streams starts with them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaPropertyOptionIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void streams_passes_kafka_properties_to_kafka_streams_and_runs_a_thread_per_core(KafkaBrokerExtension.KafkaBroker broker)
            throws Exception {
        String prefix = "option-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        StreamsCommand command = new StreamsCommand();
        new CommandLine(command).parseArgs("--bootstrap-servers", broker.bootstrapServers(), "--application-id", prefix + "streams",
                "--state-dir", dir.resolve("streams").toString(),
                "--kafka-property", "consumer.session.timeout.ms=6000", "--kafka-property", "commit.interval.ms=500");
        Map<String, Object> properties = new HashMap<>(command.properties());
        // The command has no topic option; a prefix keeps this test's topics apart from other tests on the broker.
        properties.put("flashpoint.streams.topic-prefix", prefix);

        try (ApplicationContext context = ApplicationContext.builder().environments("streams").properties(properties).start()) {
            StreamsRunner runner = context.getBean(StreamsRunner.class);
            assertThat(runner.settings().kafkaProperties())
                    .isEqualTo(Map.of("consumer.session.timeout.ms", "6000", "commit.interval.ms", "500"));
            assertThat(runner.settings().streamsProperties()).containsEntry("commit.interval.ms", "500");
            assertThat(runner.settings().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(runner.awaitRunning(Duration.ofSeconds(90))).as("Kafka Streams running with those settings").isTrue();
        }
    }

    @Test
    @Timeout(180)
    void alerts_passes_kafka_properties_to_rule_evaluation(KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = "option-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        AlertsCommand command = new AlertsCommand();
        new CommandLine(command).parseArgs("--bootstrap-servers", broker.bootstrapServers(), "--application-id", prefix + "alerts",
                "--state-dir", dir.resolve("alerts").toString(), "--token", "option-test-token",
                "--kafka-property", "consumer.session.timeout.ms=6000");
        Map<String, Object> properties = new HashMap<>(command.properties());
        properties.put("flashpoint.alerts.topic-prefix", prefix);

        try (ApplicationContext context = ApplicationContext.builder().environments("alerts").properties(properties).start()) {
            AlertsStreamsRunner runner = context.getBean(AlertsStreamsRunner.class);
            assertThat(runner.settings().kafkaProperties()).isEqualTo(Map.of("consumer.session.timeout.ms", "6000"));
            assertThat(runner.awaitRunning(Duration.ofSeconds(90))).as("rule evaluation running with those settings").isTrue();
        }
    }
}
