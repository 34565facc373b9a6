package org.flashpoint.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.topology.FlashpointTopology;

/** Replays articles into a real broker and waits, by committed offsets rather than by time, until they are processed. */
public final class ReplayHarness {

    private ReplayHarness() {
    }

    /** The Iran–Pakistan run of the development corpus, d-001 … d-016, in publication order. */
    public static List<Article> iranPakistanCorpus() {
        Path dir = Path.of(System.getProperty("flashpoint.shared", "../../shared"), "corpus", "dev");
        return IntStream.rangeClosed(1, 16).mapToObj(i -> read(dir.resolve(String.format("d-%03d.json", i)))).toList();
    }

    /** Reads one corpus file as ingest would publish it: labels and notes stay out, published is the day's start, UTC. */
    static Article read(Path file) {
        try {
            JsonNode doc = Json.mapper().readTree(Files.readAllBytes(file));
            Instant published = LocalDate.parse(doc.get("published").asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new Article(doc.get("id").asText(), doc.get("source").asText(), doc.get("url").asText(),
                    doc.get("title").asText(), doc.get("text").asText(), List.of(), "en", published,
                    Article.TimeSource.PUBLISHED, published, file.getFileName().toString(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the topology's topics for a replay of old articles: the articles log with {@code articlePartitions}
     * partitions (one makes its order the event-time order), and no time-based retention or segment rolling anywhere.
     * Both compare record timestamps with the broker's clock: with the declared 30 days a replay of 2024 news would be
     * deleted by the broker's first retention check, input and output alike, and with the default 7-day
     * {@code segment.ms} every append of 2024 records starts a new segment, so the log cleaner compacts
     * {@code incidents} while a test is still to read every version of it.
     */
    public static void createReplayTopics(StreamsSettings settings, int articlePartitions) throws Exception {
        String articles = settings.topic(Topics.ARTICLES).name();
        List<NewTopic> topics = FlashpointTopology.topics(settings).stream()
                .map(t -> {
                    Map<String, String> configs = new TreeMap<>(t.configs());
                    configs.put("retention.ms", "-1");
                    configs.put("segment.ms", String.valueOf(Duration.ofDays(100 * 365).toMillis()));
                    return new NewTopic(t.name(), t.name().equals(articles) ? articlePartitions : t.partitions(), (short) 1)
                            .configs(configs);
                })
                .toList();
        try (Admin admin = admin(settings.bootstrapServers())) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends the articles in order, record time = publication time, and waits for every acknowledgement. */
    public static void produce(String bootstrapServers, String topic, List<Article> articles) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topic, null, article.published().toEpochMilli(), article.id(), Json.write(article)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Waits until the application has committed every article and every record of its dyad repartition topic. With
     * exactly-once, outputs are committed in the same transactions, so after this every output is readable.
     */
    private static final Duration OUTPUT_QUIET = Duration.ofSeconds(2);

    public static void awaitProcessed(StreamsSettings settings, Duration timeout) throws Exception {
        String articles = settings.topic(Topics.ARTICLES).name();
        String repartition = settings.applicationId() + "-" + FlashpointTopology.BY_DYAD_REPARTITION + "-repartition";
        String incidents = settings.topic(Topics.INCIDENTS).name();
        String indicators = settings.topic(Topics.INDICATORS).name();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> lastOutputs = Map.of();
        long stableSince = System.nanoTime();
        try (Admin admin = admin(settings.bootstrapServers())) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.applicationId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean articlesDone = !committed.isEmpty() && endOffsets(admin, articles).entrySet().stream()
                        .allMatch(e -> offset(committed, e.getKey()) >= e.getValue());
                boolean inputsDone = articlesDone && nextDataOffsets(settings.bootstrapServers(), repartition).entrySet().stream()
                        .allMatch(e -> offset(committed, e.getKey()) >= e.getValue());
                // Committed offsets alone once let a run on a busy shared broker be read short; also require the
                // outputs to have stopped growing.
                Map<TopicPartition, Long> outputs = new java.util.HashMap<>(endOffsets(admin, incidents));
                outputs.putAll(endOffsets(admin, indicators));
                outputs.putAll(endOffsets(admin, settings.topic(Topics.DYAD_UPDATES).name()));
                if (!inputsDone || !outputs.equals(lastOutputs)) {
                    lastOutputs = outputs;
                    stableSince = System.nanoTime();
                } else if (System.nanoTime() - stableSince >= OUTPUT_QUIET.toNanos()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not processed within " + timeout + "; committed offsets: " + committed);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Every committed record of {@code topic}, per partition in offset order. */
    public static Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(String bootstrapServers, String topic) throws Exception {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> all = new TreeMap<>();
        try (Admin admin = admin(bootstrapServers); KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (end.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    all.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
                }
            }
        }
        return all;
    }

    /** The values of {@code topic} in per-partition order, parsed. */
    public static <T> List<T> values(String bootstrapServers, String topic, Class<T> type) throws Exception {
        return readAll(bootstrapServers, topic).values().stream().flatMap(List::stream)
                .map(r -> Json.read(r.value(), type)).collect(Collectors.toList());
    }

    private static long offset(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition tp) {
        OffsetAndMetadata o = committed.get(tp);
        return o == null ? 0 : o.offset();
    }

    /** Per partition: the offset after the last committed data record (transaction markers excluded). */
    private static Map<TopicPartition, Long> nextDataOffsets(String bootstrapServers, String topic) throws Exception {
        Map<TopicPartition, Long> next = new HashMap<>();
        readAll(bootstrapServers, topic).forEach((partition, records) ->
                next.put(new TopicPartition(topic, partition), records.get(records.size() - 1).offset() + 1));
        return next;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
