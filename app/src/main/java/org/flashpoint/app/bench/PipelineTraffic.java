package org.flashpoint.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record a run put on Kafka between two offset snapshots: the articles, the outputs and the roles' changelog and
 * repartition topics. Replayed with plain clients, it is the transport ceiling of the pipeline's own traffic, which is
 * many records per article where (1) moves one.
 */
final class PipelineTraffic {

    private final Map<String, List<byte[][]>> recordsByTopic;

    private PipelineTraffic(Map<String, List<byte[][]>> recordsByTopic) {
        this.recordsByTopic = recordsByTopic;
    }

    /** End offsets of every partition of the topics whose names start with {@code runId} ({@code except} left out). */
    static Map<TopicPartition, Long> snapshot(Admin admin, String runId, Set<String> except) throws Exception {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(runId) && !except.contains(name))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * Reads the records between {@code from} and {@code to}; partitions absent from {@code from} are read from their
     * start. Aborted transactions are skipped, as the roles' readers skip them.
     */
    static PipelineTraffic read(String bootstrapServers, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<byte[][]>> records = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = to.entrySet().stream()
                    .filter(e -> e.getValue() > from.getOrDefault(e.getKey(), 0L))
                    .map(Map.Entry::getKey).sorted(Comparator.comparing(TopicPartition::toString)).toList();
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            List<TopicPartition> unfinished = new ArrayList<>(partitions);
            while (!unfinished.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the run's records of " + unfinished + " within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(new byte[][] {r.key(), r.value()});
                    }
                }
                // Transaction markers take offsets too, so "done" is the position, not a record count.
                unfinished.removeIf(tp -> consumer.position(tp) >= to.get(tp));
            }
        }
        return new PipelineTraffic(records);
    }

    /** The records of {@code topics} only. */
    PipelineTraffic only(Set<String> topics) {
        Map<String, List<byte[][]>> kept = new LinkedHashMap<>(recordsByTopic);
        kept.keySet().retainAll(topics);
        return new PipelineTraffic(kept);
    }

    /** Key and value of every record, topic after topic. */
    List<byte[][]> records() {
        return recordsByTopic.values().stream().flatMap(List::stream).toList();
    }

    int recordCount() {
        return recordsByTopic.values().stream().mapToInt(List::size).sum();
    }

    long bytes() {
        return recordsByTopic.values().stream().flatMap(List::stream).mapToLong(PipelineTraffic::size).sum();
    }

    /**
     * Records and kilobytes (keys and values, uncompressed) per article of each topic, the largest first, with
     * {@code prefix} taken off the names: "name 5.6 records 1.0 KB".
     */
    List<String> perArticle(int articles, String prefix) {
        Map<String, Long> bytesByTopic = new HashMap<>();
        recordsByTopic.forEach((topic, records) -> bytesByTopic.put(topic, records.stream().mapToLong(PipelineTraffic::size).sum()));
        return recordsByTopic.keySet().stream()
                .sorted(Comparator.comparing(bytesByTopic::get, Comparator.reverseOrder()))
                .map(topic -> String.format("%s %.1f records %.1f KB",
                        topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic,
                        (double) recordsByTopic.get(topic).size() / articles, bytesByTopic.get(topic) / 1024.0 / articles))
                .toList();
    }

    private static long size(byte[][] record) {
        return (record[0] == null ? 0 : record[0].length) + (record[1] == null ? 0 : record[1].length);
    }
}
