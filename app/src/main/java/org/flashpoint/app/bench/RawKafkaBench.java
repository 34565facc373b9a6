package org.flashpoint.app.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The transport ceiling: records (the serialized articles, or all of a pipeline run's traffic) produced (acks=all,
 * idempotent, lz4, as ingest does) and consumed at the same time with plain clients; the rate is records over the time
 * from the first send to the last record read.
 */
final class RawKafkaBench {

    private RawKafkaBench() {
    }

    /** Records per second; each record is {key, value}, a null key spreads records over the partitions. */
    static double run(String bootstrapServers, String topic, int partitions, List<byte[][]> records) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1))).all().get(60, TimeUnit.SECONDS);
        }
        CountDownLatch assigned = new CountDownLatch(1);
        CompletableFuture<Long> consumed = CompletableFuture.supplyAsync(() -> consumeAll(bootstrapServers, topic, records.size(), assigned));
        // The clock starts once the consumer owns its partitions: a group join is not transport.
        if (!assigned.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("raw Kafka: the consumer got no partitions within 2 minutes");
        }
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[][] record : records) {
                producer.send(new ProducerRecord<>(topic, record[0], record[1]));
            }
            producer.flush();
        }
        long end = consumed.get(10, TimeUnit.MINUTES);
        return records.size() / ((end - start) / 1e9);
    }

    static Properties producerProperties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return p;
    }

    /** Reads until {@code count} records arrived; returns the nano time of the last one. */
    private static long consumeAll(String bootstrapServers, String topic, int count, CountDownLatch assigned) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            assigned.countDown();
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw Kafka: only " + seen + " of " + count + " records came back");
                }
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            return System.nanoTime();
        }
    }
}
