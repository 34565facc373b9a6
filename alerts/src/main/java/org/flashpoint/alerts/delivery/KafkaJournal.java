package org.flashpoint.alerts.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's journal on a compacted, single-partition topic: an API change is a record keyed
 * {@code webhook:<id>} or {@code silence:<id>} with the entry as JSON, a removal a tombstone. {@link #open} replays the
 * topic into the registry before it returns, so a restarted role knows every subscription before delivering, then
 * keeps following it, so changes made through another instance apply here too.
 */
public final class KafkaJournal implements WebhookRegistry.Journal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaJournal.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Topic<String, byte[]> topic;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final WebhookRegistry registry;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread follower;
    private volatile boolean running = true;

    private KafkaJournal(String bootstrapServers, Topic<String, byte[]> topic, WebhookRegistry registry) {
        this.topic = topic;
        this.registry = registry;
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "flashpoint-alerts-journal-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        this.follower = new Thread(this::follow, "alerts-journal-feed");
        follower.setDaemon(true);
    }

    /**
     * Replays {@code topic} into {@code registry}, then journals the registry's API changes to it.
     *
     * @throws IllegalStateException when the topic cannot be read to its end within {@code timeout}
     */
    public static KafkaJournal open(String bootstrapServers, Topic<String, byte[]> topic, WebhookRegistry registry,
                                    Duration timeout) {
        KafkaJournal journal = new KafkaJournal(bootstrapServers, topic, registry);
        journal.follower.start();
        try {
            if (!journal.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                journal.close();
                throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            journal.close();
            throw new IllegalStateException("interrupted while reading " + topic.name(), e);
        }
        registry.journalTo(journal);
        return journal;
    }

    private void follow() {
        // Assigned rather than subscribed: every instance reads the whole topic, from the beginning, with no group.
        List<TopicPartition> partitions = List.of(new TopicPartition(topic.name(), 0));
        try {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    apply(r);
                }
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() was called.
        } catch (RuntimeException e) {
            LOG.error("{} stopped: Kafka failed; subscriptions changed elsewhere no longer apply here", topic.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** A record that does not read is logged with its position and skipped: the registry keeps what it had. */
    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            registry.restore(record.key(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("skipping {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
        }
    }

    /** Written and acknowledged before it returns, so an API answer means the change survives a restart. */
    @Override
    public void write(String key, Object entry) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, entry == null ? null : Json.write(entry)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookRegistry.Unavailable("interrupted while writing " + key + " to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new WebhookRegistry.Unavailable("cannot write " + key + " to " + topic.name() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
