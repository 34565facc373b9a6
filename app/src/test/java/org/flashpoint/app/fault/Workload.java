package org.flashpoint.app.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.app.bench.SyntheticArticles;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;

/**
 * The fault tests' news: the benchmark's synthetic articles (about 4 KiB, many pairs of states), with ids and
 * publication times fixed by their index so that two runs get byte-identical input. Publication times lie in the
 * past, so the alerts role's wall-clock advance (live input only) stays out and everything runs on event time.
 */
final class Workload {

    private static final long SEED = 20_240_301L;
    private static final Instant FIRST = Instant.parse("2024-03-01T00:00:00Z");

    private Workload() {
    }

    /** {@code count} articles, {@code spacing} apart in publication time. */
    static List<Article> articles(String idPrefix, int count, Duration spacing) {
        List<Article> generated = SyntheticArticles.generate(count, SEED);
        return IntStream.range(0, count).mapToObj(i -> SyntheticArticles.restamp(generated.get(i), idPrefix + i,
                FIRST.plus(spacing.multipliedBy(i)))).toList();
    }

    /**
     * Sends {@code articles} in order at about {@code perSecond}, on its own thread, as ingest would: key = id,
     * record time = publication time, idempotent and acks=all, so a broker failure neither loses nor repeats one.
     */
    static Publisher publish(String bootstrapServers, String topic, List<Article> articles, int perSecond) {
        return new Publisher(bootstrapServers, topic, articles, perSecond);
    }

    /** A paced send in progress. */
    static final class Publisher {

        private final AtomicInteger acknowledged = new AtomicInteger();
        private final CompletableFuture<Void> done;

        private Publisher(String bootstrapServers, String topic, List<Article> articles, int perSecond) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            done = CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < articles.size(); i++) {
                        Article article = articles.get(i);
                        producer.send(new ProducerRecord<>(topic, null, article.published().toEpochMilli(), article.id(),
                                Json.write(article)), (metadata, error) -> {
                                    if (error == null) {
                                        acknowledged.incrementAndGet();
                                    }
                                });
                        long due = start + TimeUnit.SECONDS.toNanos(i + 1) / perSecond;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    producer.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while publishing", e);
                }
                if (acknowledged.get() != articles.size()) {
                    throw new IllegalStateException("only " + acknowledged.get() + " of " + articles.size() + " articles acknowledged");
                }
            }, task -> {
                Thread thread = new Thread(task, "fault-test-publisher");
                thread.setDaemon(true);
                thread.start();
            });
        }

        /** Waits for the last acknowledgement; fails if any send failed. */
        void await(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
