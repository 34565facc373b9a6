package org.flashpoint.ingest.publish;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;

/**
 * Publishes to {@code articles} and {@code articles.rejected} with an idempotent, acks=all producer: a retried
 * send is never written twice, and an acknowledged article survives a broker failure.
 */
public final class KafkaArticleSink implements ArticleSink {

    private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer;
    private final String articlesTopic;
    private final String rejectedTopic;

    public KafkaArticleSink(String bootstrapServers) {
        this(bootstrapServers, Topics.ARTICLES.name(), Topics.ARTICLES_REJECTED.name());
    }

    /** With other topic names, for tests that must not share topics. */
    public KafkaArticleSink(String bootstrapServers, String articlesTopic, String rejectedTopic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A replay sends articles of 4 KB and more as fast as it reads them: 16 KB batches would hold three or four.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // One request in flight: a batch the broker wrote but answered NOT_LEADER_OR_FOLLOWER (seen right after
        // topic creation) is retried alone and recognised as a duplicate, instead of failing the batches behind
        // it with out-of-order sequence errors.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "flashpoint-ingest");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.articlesTopic = articlesTopic;
        this.rejectedTopic = rejectedTopic;
        awaitLeaders(articlesTopic);
        awaitLeaders(rejectedTopic);
    }

    /**
     * Waits until every partition of a topic has a leader. Producing to a topic created a moment ago draws
     * NOT_LEADER_OR_FOLLOWER retries, and on a single broker those retries have ended in out-of-order sequence
     * errors for the idempotent producer.
     */
    private void awaitLeaders(String topic) {
        long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
        while (true) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            if (!partitions.isEmpty() && partitions.stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has partitions without a leader after " + LEADER_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + topic, e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> article(Article article) {
        return send(articlesTopic, Topics.ARTICLES, article.published().toEpochMilli(), article.id(), article);
    }

    @Override
    public CompletableFuture<Void> rejected(RejectedRecord rejection) {
        return send(rejectedTopic, Topics.ARTICLES_REJECTED, rejection.rejectedAt().toEpochMilli(), rejection.origin(),
                rejection);
    }

    private <V> CompletableFuture<Void> send(String topicName, Topic<String, V> topic, long timestamp, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topicName, value);
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topicName, null, timestamp, key, bytes), (metadata, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error);
            }
        });
        return done;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
