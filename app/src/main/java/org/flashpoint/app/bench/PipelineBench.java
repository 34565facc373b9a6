package org.flashpoint.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.alerts.topology.AlertsSettings;
import org.flashpoint.alerts.topology.AlertsStreamsRunner;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.StreamsRunner;
import org.flashpoint.streams.StreamsSettings;

/**
 * The full pipeline, exactly once: articles produced as ingest produces them (acks=all, idempotent, keyed by id,
 * record time = publication time) → the streams role (classify, incidents, indicators; one or two instances) →
 * the alerts role. Latency is read at the end of the pipeline: a read_committed consumer of {@code indicators} and
 * {@code alerts} takes, for each record, its arrival time minus its record time, which is the publication time (set
 * to the send time) of the article that caused it.
 */
final class PipelineBench implements AutoCloseable {

    private static final Duration QUIET = Duration.ofSeconds(3);
    /** Fewest alert latencies whose 99th percentile is reported as the end-to-end figure. */
    private static final int MIN_SAMPLES = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(15);
    private static final Duration STALL = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final String prefix;
    private final String streamsGroup;
    private final String alertsGroup;
    private final List<StreamsRunner> streams = new ArrayList<>();
    private final AlertsStreamsRunner alerts;
    private final Admin admin;
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread watcher;
    private volatile long phaseStartMillis = Long.MAX_VALUE;
    private volatile Phase phase;

    /** Latencies and output counts of one load phase. */
    static final class Phase {
        final Latencies indicators = new Latencies();
        final Latencies alerts = new Latencies();
        final AtomicInteger indicatorRecords = new AtomicInteger();
        final AtomicInteger alertRecords = new AtomicInteger();
        double articlesPerSecond;

        /**
         * Alerts when the run produced enough of them for a 99th percentile, else indicators, the stage just before:
         * at a steady load alerts change state rarely, and a percentile of two samples says nothing.
         */
        Latencies endToEnd() {
            return alertsCount() ? alerts : indicators;
        }

        String endStage() {
            return alertsCount() ? "ingest->alert" : "ingest->indicator";
        }

        private boolean alertsCount() {
            return alerts.count() >= MIN_SAMPLES;
        }
    }

    PipelineBench(String bootstrapServers, String runId, Analyzer analyzer, int instances, Map<String, String> kafkaProperties,
                  Path stateRoot) throws InterruptedException {
        this.bootstrapServers = bootstrapServers;
        this.prefix = runId + ".";
        this.streamsGroup = runId + "-streams";
        this.alertsGroup = runId + "-alerts";
        for (int i = 0; i < instances; i++) {
            streams.add(StreamsRunner.start(StreamsSettings.defaults(bootstrapServers).withApplicationId(streamsGroup)
                    .withTopicPrefix(prefix).withStateDir(stateRoot.resolve("streams-" + i)).withKafkaProperties(kafkaProperties),
                    analyzer));
        }
        // Event time only: alerts then follow from articles, never from the wall clock, so each has a cause to time.
        alerts = AlertsStreamsRunner.start(AlertsSettings.live(bootstrapServers).withApplicationId(alertsGroup)
                .withTopicPrefix(prefix).withStateDir(stateRoot.resolve("alerts")).withoutWallClock()
                .withKafkaProperties(kafkaProperties));
        for (StreamsRunner runner : streams) {
            require(runner.awaitRunning(Duration.ofMinutes(3)), "streams instance did not reach RUNNING");
        }
        require(alerts.awaitRunning(Duration.ofMinutes(3)), "alerts did not reach RUNNING");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        watcher = new Thread(this::watchOutputs, "bench-output-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Sends every article as fast as the producer takes them and waits until the pipeline has processed them all. */
    Phase saturate(List<Article> articles, String idPrefix) throws Exception {
        return load(articles, idPrefix, 0);
    }

    /** Sends {@code count} articles at {@code perSecond}, cycling through {@code articles}, and waits for the end. */
    Phase steady(List<Article> articles, String idPrefix, int count, int perSecond) throws Exception {
        List<Article> paced = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paced.add(articles.get(i % articles.size()));
        }
        return load(paced, idPrefix, perSecond);
    }

    private Phase load(List<Article> articles, String idPrefix, int perSecond) throws Exception {
        Phase current = new Phase();
        phase = current;
        long startNanos = System.nanoTime();
        phaseStartMillis = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(RawKafkaBench.producerProperties(bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            String topic = prefix + Topics.ARTICLES.name();
            for (int i = 0; i < articles.size(); i++) {
                if (perSecond > 0) {
                    long due = startNanos + i * 1_000_000_000L / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                long now = System.currentTimeMillis();
                Article article = SyntheticArticles.restamp(articles.get(i), idPrefix + i, Instant.ofEpochMilli(now));
                producer.send(new ProducerRecord<>(topic, null, now, article.id(), Json.write(article)));
            }
            producer.flush();
        }
        long doneNanos = awaitProcessed();
        current.articlesPerSecond = articles.size() / ((doneNanos - startNanos) / 1e9);
        return current;
    }

    /**
     * Waits until the streams group has read every article and neither group's committed offsets moved for a few
     * seconds; returns when they last moved. (Committed offsets can stop one short of the end of a transactional
     * topic, on its commit marker, so "caught up" is "quiet" rather than "equal to the end".)
     */
    private long awaitProcessed() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        TopicPartition[] articlePartitions = partitions(prefix + Topics.ARTICLES.name());
        long lastChange = System.nanoTime();
        long lastSum = -1;
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> streamsOffsets = committed(streamsGroup);
            Map<TopicPartition, Long> alertsOffsets = committed(alertsGroup);
            long sum = streamsOffsets.values().stream().mapToLong(Long::longValue).sum()
                    + alertsOffsets.values().stream().mapToLong(Long::longValue).sum();
            long now = System.nanoTime();
            if (sum != lastSum) {
                lastSum = sum;
                lastChange = now;
            }
            boolean articlesRead = true;
            Map<TopicPartition, Long> ends = ends(articlePartitions);
            for (TopicPartition tp : articlePartitions) {
                articlesRead &= streamsOffsets.getOrDefault(tp, 0L) >= ends.get(tp);
            }
            if (articlesRead && now - lastChange > QUIET.toNanos()) {
                return lastChange;
            }
            if (now - lastChange > STALL.toNanos()) {
                throw new IllegalStateException("the pipeline stalled: no offsets committed for " + STALL.toSeconds()
                        + " s before every article was read (see the log above)");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the pipeline did not finish within " + PATIENCE);
    }

    private Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e
                : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
            if (e.getValue() != null) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
        }
        return offsets;
    }

    private TopicPartition[] partitions(String topic) throws Exception {
        int count = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        TopicPartition[] partitions = new TopicPartition[count];
        for (int p = 0; p < count; p++) {
            partitions[p] = new TopicPartition(topic, p);
        }
        return partitions;
    }

    private Map<TopicPartition, Long> ends(TopicPartition[] partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicPartition tp : partitions) {
            request.put(tp, OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private void watchOutputs() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "latency-watcher");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String indicators = prefix + Topics.INDICATORS.name();
        String alertsTopic = prefix + Topics.ALERTS.name();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(indicators, alertsTopic));
            while (watching.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long latency = System.currentTimeMillis() - r.timestamp();
                    Phase current = phase;
                    // Only records caused by this phase's articles; earlier phases' stragglers are not its latency.
                    if (current == null || r.timestamp() < phaseStartMillis) {
                        continue;
                    }
                    if (r.topic().equals(alertsTopic)) {
                        current.alerts.add(latency);
                        current.alertRecords.incrementAndGet();
                    } else {
                        current.indicators.add(latency);
                        current.indicatorRecords.incrementAndGet();
                    }
                }
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        if (watcher != null) {
            watcher.join(10_000);
        }
        if (admin != null) {
            admin.close();
        }
        alerts.close();
        streams.forEach(StreamsRunner::close);
    }
}
