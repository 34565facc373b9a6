package org.flashpoint.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.flashpoint.ingest.publish.KafkaArticleSink;
import org.flashpoint.ingest.replay.Replay;
import org.flashpoint.ingest.replay.ReplayOptions;
import org.flashpoint.ingest.replay.ReplaySummary;
import org.flashpoint.ingest.sample.SampleCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class IngestIT {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void articlesPostedOverHttpAndReplayedFromFilesArriveOnTheTopicsKeyedByIdAtPublicationTime(
            KafkaBrokerExtension.KafkaBroker broker, @TempDir Path dir) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String articles = "it-articles-" + suffix;
        String rejected = "it-rejected-" + suffix;
        createTopics(broker.bootstrapServers(), articles, rejected);

        // Over HTTP: one good article and one without text.
        List<String> posted;
        try (ApplicationContext context = ApplicationContext.builder().environments("ingest")
                .properties(Map.of("micronaut.server.port", -1,
                        "flashpoint.ingest.bootstrap-servers", broker.bootstrapServers(),
                        "flashpoint.ingest.articles-topic", articles,
                        "flashpoint.ingest.rejected-topic", rejected))
                .start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.getURI().resolve("/api/v1/articles"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("[{\"title\":\"Posted\",\"text\":\"Posted report on"
                                    + " the ceasefire talks in the capital.\",\"published\":\"2025-03-30T08:00:00Z\"},"
                                    + "{\"title\":\"empty\"}]"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(422);
            JsonNode problem = Json.mapper().readTree(response.body());
            posted = new ArrayList<>();
            problem.get("accepted").forEach(id -> posted.add(id.asText()));
        }

        // From files: the bundled sample corpus.
        CorpusBatch batch = Corpus.read(List.of(SampleCorpus.extractTo(dir)), Instant.now());
        ReplaySummary summary;
        try (KafkaArticleSink sink = new KafkaArticleSink(broker.bootstrapServers(), articles, rejected)) {
            summary = Replay.run(batch, ReplayOptions.unlimited(), sink, (done, total, elapsed) -> { });
        }

        List<ConsumerRecord<String, byte[]>> onArticles = readAll(broker.bootstrapServers(), articles,
                summary.accepted() + posted.size());
        List<ConsumerRecord<String, byte[]>> onRejected = readAll(broker.bootstrapServers(), rejected,
                summary.rejected() + 1);

        assertThat(onArticles).hasSize(summary.accepted() + posted.size());
        assertThat(onRejected).hasSize(summary.rejected() + 1);
        for (ConsumerRecord<String, byte[]> record : onArticles) {
            Article article = Json.read(record.value(), Article.class);
            assertThat(record.key()).isEqualTo(article.id());
            assertThat(record.timestamp()).isEqualTo(article.published().toEpochMilli());
        }
        assertThat(onArticles).extracting(ConsumerRecord::key).containsAll(posted)
                .containsAll(batch.articles().stream().map(Article::id).toList());
        assertThat(Json.read(onRejected.get(0).value(), RejectedRecord.class).reason()).isEqualTo("missing_text");
    }

    private static void createTopics(String bootstrap, String... names) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, 3, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    /** Reads a topic from the beginning until {@code expected} records arrived or the timeout passed. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: more records than expected would be a bug too.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
