package org.flashpoint.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.alerts.topology.AlertsSettings;
import org.flashpoint.alerts.topology.AlertsStreamsRunner;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.streams.StreamsRunner;
import org.flashpoint.streams.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Iran–Pakistan articles of the development corpus replayed through a real broker, the streams role and the alerts
 * role (event time only): the alerts topic carries exactly the notices {@code flashpoint backtest} computes for the same
 * files, byte for byte and, per dyad, in the same order.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LiveMatchesBacktestIT {

    @TempDir
    Path stateDir;

    @Test
    @Timeout(300)
    void the_alerts_topic_carries_the_same_notices_as_the_backtest(KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        Path dev = Path.of(System.getProperty("flashpoint.shared", "../../shared"), "corpus", "dev");
        List<Path> files = IntStream.rangeClosed(1, 16).mapToObj(i -> dev.resolve(String.format("d-%03d.json", i))).toList();
        List<Article> articles = Corpus.read(files, Instant.parse("2025-01-01T00:00:00Z")).articles();
        Analyzer analyzer = Analyzer.loadDefault();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        new Backtest(RuleSet.loadDefault(), analyzer::analyze).run(articles).notices().forEach(notice -> expected
                .computeIfAbsent(notice.data().dyad().toString(), d -> new ArrayList<>()).add(Json.writeString(notice)));
        int count = expected.values().stream().mapToInt(List::size).sum();

        String prefix = "live-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        StreamsSettings streams = StreamsSettings.defaults(broker.bootstrapServers()).withApplicationId(prefix + "streams")
                .withTopicPrefix(prefix).withStateDir(stateDir.resolve("streams"));
        AlertsSettings alerts = AlertsSettings.live(broker.bootstrapServers()).withApplicationId(prefix + "alerts")
                .withTopicPrefix(prefix).withStateDir(stateDir.resolve("alerts")).withoutWallClock();
        createTopics(broker.bootstrapServers(), streams);
        replayLog(broker.bootstrapServers(), streams.topic(Topics.ARTICLES).name(), articles);

        try (StreamsRunner streaming = StreamsRunner.start(streams, analyzer::analyze);
             AlertsStreamsRunner alerting = AlertsStreamsRunner.start(alerts)) {
            Map<String, List<String>> live = consume(broker.bootstrapServers(), alerts.topic(Topics.ALERTS).name(), count,
                    Duration.ofSeconds(90));

            assertThat(expected.get("IRN-PAK")).anySatisfy(n -> assertThat(n).contains(
                    "\"id\":\"tension-week.IRN-PAK.20240117T000000Z/1\"", "org.flashpoint.alert.firing"));
            assertThat(live).isEqualTo(expected);
        }
    }

    /**
     * The topics, before the roles create them: articles in one partition (a replay log whose order is event-time
     * order), and no time-based retention anywhere, since the broker deletes 2024 records from a 30-day topic.
     */
    private static void createTopics(String bootstrap, StreamsSettings settings) throws Exception {
        Map<String, String> keep = Map.of("retention.ms", "-1");
        List<NewTopic> topics = List.of(
                new NewTopic(settings.topic(Topics.ARTICLES).name(), 1, (short) 1).configs(keep),
                new NewTopic(settings.topic(Topics.INCIDENTS).name(), 6, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "cleanup.policy", "compact")),
                new NewTopic(settings.topic(Topics.INDICATORS).name(), 6, (short) 1).configs(keep),
                new NewTopic(settings.topic(Topics.DYAD_UPDATES).name(), 6, (short) 1).configs(keep),
                new NewTopic(settings.topic(Topics.ALERTS).name(), 6, (short) 1).configs(keep));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Record time = publication time, in publication order. */
    private static void replayLog(String bootstrap, String topic, List<Article> articles) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic, null, a.published().toEpochMilli(), a.id(),
                        Topics.ARTICLES.valueSerde().serializer().serialize(topic, a))).get();
            }
        }
    }

    /**
     * Committed notices as JSON, by key (dyad) in offset order, until {@code count} arrived, then a few more polls so
     * that an extra one would show.
     */
    private static Map<String, List<String>> consume(String bootstrap, String topic, int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<String>> byDyad = new LinkedHashMap<>();
        int seen = 0;
        try (KafkaConsumer<String, AlertNotice> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            int extraPolls = 6;
            while (System.nanoTime() < deadline && (seen < count || extraPolls-- > 0)) {
                for (ConsumerRecord<String, AlertNotice> r : consumer.poll(Duration.ofMillis(500))) {
                    byDyad.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Json.writeString(r.value()));
                    seen++;
                }
            }
        }
        return byDyad;
    }
}
