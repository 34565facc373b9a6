package org.flashpoint.app.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;

/** Looks at a running pipeline from outside, as a plain Kafka client: is it done, and what did it say. */
public final class PipelineProbe implements AutoCloseable {

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final List<String> OUTPUTS = List.of(Topics.ARTICLES_CLASSIFIED.name(), Topics.INCIDENTS.name(),
            Topics.INDICATORS.name(), Topics.DYAD_UPDATES.name(), Topics.ALERTS.name());
    private final String bootstrapServers;
    private final Admin admin;

    public PipelineProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /**
     * Waits until every group has consumed every record of its input topics and no output topic has grown for a few
     * seconds. Inputs written by an exactly-once application end with a transaction marker that a consumer never
     * commits past, so one offset short of their end counts as done for those.
     *
     * @param inputsByGroup   consumer group (Kafka Streams application id) → the topics it reads
     * @param transactional   the input topics written in transactions
     */
    public boolean awaitIdle(Map<String, List<String>> inputsByGroup, Set<String> transactional, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> lastEnds = Map.of();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, Long> ends = endOffsets(partitionsOf(OUTPUTS));
                if (!ends.equals(lastEnds)) {
                    lastEnds = ends;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET.toNanos() && caughtUp(inputsByGroup, transactional)) {
                    return true;
                }
            } catch (ExecutionException | TimeoutException e) {
                // A group or topic may not exist yet while the roles start; look again.
            }
            Thread.sleep(500);
        }
        return false;
    }

    private boolean caughtUp(Map<String, List<String>> inputsByGroup, Set<String> transactional)
            throws ExecutionException, InterruptedException, TimeoutException {
        for (var group : inputsByGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (var end : endOffsets(partitionsOf(group.getValue())).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = done == null ? 0 : done.offset();
                long slack = transactional.contains(end.getKey().topic()) ? 1 : 0;
                if (end.getValue() - position > slack) {
                    return false;
                }
            }
        }
        return true;
    }

    private Set<TopicPartition> partitionsOf(List<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Every committed alert notice, in event-time order. */
    public List<AlertNotice> alerts() {
        List<AlertNotice> notices = new ArrayList<>(readAll(Topics.ALERTS).values().stream().flatMap(List::stream).toList());
        notices.sort(Comparator.comparing(AlertNotice::time).thenComparing(AlertNotice::id));
        return notices;
    }

    /** The latest state of every incident. */
    public List<Incident> incidents() {
        Map<String, Incident> latest = new LinkedHashMap<>();
        readAll(Topics.INCIDENTS).forEach((key, values) -> latest.put(key, values.get(values.size() - 1)));
        return latest.values().stream().sorted(Comparator.comparing(Incident::id)).toList();
    }

    /** Reads a topic from the beginning to its current end, values grouped by key in offset order. */
    private <V> Map<String, List<V>> readAll(Topic<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<V>> byKey = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                }
            }
        }
        return byKey;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
