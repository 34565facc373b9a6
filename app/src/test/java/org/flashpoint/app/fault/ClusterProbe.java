package org.flashpoint.app.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flashpoint.contracts.Topic;

/** What the fault tests ask the cluster: topics, group progress, open transactions, and committed contents. */
final class ClusterProbe implements AutoCloseable {

    /** A committed record as the comparison sees it. */
    record Output(int partition, long offset, String key, String value) {
    }

    private final String bootstrapServers;
    private final Admin admin;

    ClusterProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Calls retry inside this bound while a broker is down or a leader moves.
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.admin = Admin.create(props);
    }

    /**
     * Creates {@code topic} under {@code name} with {@code partitions} partitions and its declared settings, except
     * that segments never roll by time: the workload's 2024 timestamps would start a new segment with every append,
     * and the log cleaner could then compact {@code incidents} in one run and not in the other before they are compared.
     */
    void createTopic(String name, Topic<?, ?> topic, int partitions) throws Exception {
        Map<String, String> configs = new TreeMap<>(topic.configs());
        configs.put("min.insync.replicas", "2");
        configs.put("segment.ms", String.valueOf(Duration.ofDays(100 * 365).toMillis()));
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 3).configs(configs))).all().get(30, TimeUnit.SECONDS);
    }

    int leaderOf(String topic, int partition) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .get(partition).leader().id();
    }

    /** Sum over partitions of the group's committed offsets on {@code topic}; 0 before its first commit. */
    long committed(String group, String topic) throws Exception {
        return committedOffsets(group).entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * Whether {@code group} has committed past the last record of every partition of every topic it reads (the
     * topics it has committed offsets for). Transaction markers are not records: the last record is found by reading.
     */
    boolean caughtUp(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(group);
        Set<String> inputs = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (inputs.isEmpty()) {
            return false;
        }
        for (String input : inputs) {
            for (Output last : lastRecords(input)) {
                OffsetAndMetadata done = committed.get(new TopicPartition(input, last.partition()));
                if (done == null || done.offset() <= last.offset()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Members of a stable consumer group that own at least one partition. */
    long membersWithPartitions(String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
        if (description.groupState() != GroupState.STABLE) {
            return 0;
        }
        return description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
    }

    /** The names of the topics that {@code wanted} accepts. */
    List<String> topics(Predicate<String> wanted) throws Exception {
        return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(wanted).sorted().toList();
    }

    /**
     * Per partition of {@code topics}: the last stable offset, or -1 where a transaction is still open (its last
     * stable offset lags behind the high watermark). Equal snapshots a few seconds apart mean nothing is in flight.
     */
    Map<TopicPartition, Long> settledOffsets(Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> stable = offsets(latest, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> written = offsets(latest, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> settled = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        stable.forEach((tp, offset) -> settled.put(tp, offset.equals(written.get(tp)) ? offset : -1L));
        return settled;
    }

    /** Every committed record of {@code topic}, per partition in offset order. */
    List<Output> readCommitted(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                        p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> end = offsets(latest, IsolationLevel.READ_COMMITTED);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Output> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (end.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + end + " within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new Output(r.partition(), r.offset(), r.key(), r.value()));
                }
            }
        }
        return records;
    }

    private List<Output> lastRecords(String topic) throws Exception {
        Map<Integer, Output> last = new TreeMap<>();
        readCommitted(topic).forEach(r -> last.put(r.partition(), r));
        return List.copyOf(last.values());
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs, IsolationLevel isolation) throws Exception {
        return admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records grouped by key, each key's values in offset order (one partition holds a key). */
    static Map<String, List<String>> byKey(List<Output> records) {
        return records.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.key()), TreeMap::new,
                Collectors.mapping(Output::value, Collectors.toList())));
    }

    static <T> Map<T, Long> counts(List<Output> records, Function<Output, T> what) {
        return records.stream().collect(Collectors.groupingBy(what, Collectors.counting()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
