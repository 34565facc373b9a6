package org.flashpoint.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Three child-JVM nodes on loopback behave as a replicated cluster: one crashed broker costs no acknowledged write. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LocalClusterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private LocalCluster cluster;
    private Admin admin;

    @BeforeAll
    void startCluster() {
        cluster = LocalCluster.startTemporary(3);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterAll
    void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void every_node_is_a_broker_and_new_topics_get_three_replicas_and_two_in_sync() throws Exception {
        assertThat(admin.describeCluster().nodes().get()).extracting(n -> n.id()).containsExactlyInAnyOrder(1, 2, 3);
        admin.createTopics(List.of(new NewTopic("defaults", 2, (short) -1))).all().get();
        // Creation is acknowledged by the controller; a broker may learn of the topic a moment later (notably one just
        // restarted by the other test), and until then answers "does not host this topic-partition".
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "defaults");
        awaitTrue("topic 'defaults' known to the brokers", () -> {
            try {
                admin.describeConfigs(List.of(resource)).all().get();
                return admin.describeTopics(List.of("defaults")).allTopicNames().get().get("defaults").partitions().size() == 2;
            } catch (Exception notYet) {
                return false;
            }
        });

        TopicDescription topic = admin.describeTopics(List.of("defaults")).allTopicNames().get().get("defaults");
        assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
        assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("min.insync.replicas").value())
                .isEqualTo("2");
    }

    @Test
    void acknowledged_records_survive_a_killed_broker_and_it_rejoins_after_restart() throws Exception {
        String topicName = "survives-kill";
        admin.createTopics(List.of(new NewTopic(topicName, 3, (short) 3))).all().get();
        List<String> sent = new ArrayList<>();
        int victim;
        try (KafkaProducer<String, String> producer = producer()) {
            sendAll(producer, topicName, 0, 500, sent);
            // The leader of partition 0 is the node whose loss matters most to this topic.
            victim = leaderOf(topicName, 0) - 1;
            cluster.kill(victim);
            assertThat(cluster.isRunning(victim)).isFalse();
            sendAll(producer, topicName, 500, 1000, sent);
        }

        assertThat(readAll(topicName, sent.size())).containsExactlyInAnyOrderElementsOf(sent);

        cluster.restart(victim);
        int victimId = cluster.nodeId(victim);
        awaitTrue("node " + victimId + " back in every in-sync replica set of " + topicName,
                () -> {
                    List<TopicPartitionInfo> partitions = partitions(topicName);
                    return partitions.size() == 3
                            && partitions.stream().allMatch(p -> p.isr().stream().anyMatch(n -> n.id() == victimId));
                });
    }

    private static void sendAll(KafkaProducer<String, String> producer, String topic, int from, int to, List<String> sent)
            throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 17), "value-" + i)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(); // Throws if the write was not acknowledged by the in-sync replicas.
        }
        IntStream.range(from, to).forEach(i -> sent.add("value-" + i));
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private List<String> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            // One more poll: anything beyond the expected count would be a duplicate.
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private int leaderOf(String topic, int partition) throws Exception {
        return partitions(topic).stream().filter(p -> p.partition() == partition).findFirst().orElseThrow().leader().id();
    }

    private List<TopicPartitionInfo> partitions(String topic) {
        try {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions();
        } catch (Exception e) {
            return List.of(); // Metadata may be briefly unavailable while a node rejoins; the caller polls again.
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
