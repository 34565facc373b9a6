package org.flashpoint.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;
import static org.flashpoint.alerts.Fixtures.incident;
import static org.flashpoint.alerts.Fixtures.weeks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alerts role against a real broker, exactly once: incidents and indicators in, the same notices out. */
@ExtendWith(KafkaBrokerExtension.class)
class AlertsStreamsRunnerIT {

    @Test
    @Timeout(120)
    void a_strike_and_its_week_on_the_broker_come_out_as_one_firing_notice_quoting_the_incident(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Path stateDir = Files.createTempDirectory("alerts-it");
        AlertsSettings settings = AlertsSettings.live(broker.bootstrapServers())
                .withApplicationId(prefix + "alerts").withTopicPrefix(prefix).withStateDir(stateDir).withoutWallClock();
        Incident strike = incident("IRN-PAK.assault.2024-01-16.IRN", at("2024-01-17"), true, 2, 2);

        try (AlertsStreamsRunner runner = AlertsStreamsRunner.start(settings)) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(60))).isTrue();
            try (KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
                Instant t = at("2024-01-17");
                DyadUpdate update = new DyadUpdate(IRN_PAK, "a-1", t, List.of(strike), weeks(IRN_PAK, t, 17, 0, strike.id()));
                producer.send(new ProducerRecord<>(settings.topic(Topics.DYAD_UPDATES).name(), null, t.toEpochMilli(), "IRN-PAK",
                        Topics.DYAD_UPDATES.valueSerde().serializer().serialize(null, update))).get();
            }
            List<AlertNotice> notices = consume(broker.bootstrapServers(), settings.topic(Topics.ALERTS).name(), 2, Duration.ofSeconds(60));

            // One update, one evaluation: the rules fire in the order of the rules file.
            assertThat(notices).extracting(AlertNotice::id).containsExactly(
                    "tension-week.IRN-PAK.20240117T000000Z/1", "deadly-border-incident.IRN-PAK.20240117T000000Z/1");
            assertThat(notices).allSatisfy(n ->
                    assertThat(n.data().incidents()).extracting(Incident::id).containsExactly(strike.id()));
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    /** Reads committed notices until {@code count} arrived, then a little longer to see that nothing extra follows. */
    private static List<AlertNotice> consume(String bootstrap, String topic, int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<AlertNotice> notices = new ArrayList<>();
        try (KafkaConsumer<String, AlertNotice> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            int extraPolls = 5;
            while (System.nanoTime() < deadline && (notices.size() < count || extraPolls-- > 0)) {
                for (ConsumerRecord<String, AlertNotice> r : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(r.key()).isEqualTo("IRN-PAK");
                    notices.add(r.value());
                }
            }
        }
        return notices;
    }
}
