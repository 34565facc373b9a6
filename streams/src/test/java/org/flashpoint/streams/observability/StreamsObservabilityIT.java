package org.flashpoint.streams.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.streams.Fixtures;
import org.flashpoint.streams.StreamsRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams role as an operator sees it, on a real broker: {@code /health} reports the Kafka Streams state, and
 * {@code /prometheus} shows consumer lag and Flashpoint's own counters (a rejection by its reason, articles analysed).
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsObservabilityIT {

    @TempDir
    Path stateDir;

    @Test
    @Timeout(180)
    void health_shows_the_streams_state_and_prometheus_the_lag_and_the_rejections_by_reason(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = "obs-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (ApplicationContext context = ApplicationContext.builder().environments("streams")
                .properties(Map.of(
                        "micronaut.server.port", -1,
                        "flashpoint.streams.bootstrap-servers", broker.bootstrapServers(),
                        "flashpoint.streams.application-id", prefix + "streams",
                        "flashpoint.streams.topic-prefix", prefix,
                        "flashpoint.streams.state-dir", stateDir.toString(),
                        "micronaut.metrics.enabled", true,
                        "micronaut.metrics.export.prometheus.enabled", true,
                        "endpoints.prometheus.enabled", true,
                        "endpoints.prometheus.sensitive", false,
                        "endpoints.health.details-visible", "ANONYMOUS"))
                .start()) {
            String base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort();
            assertThat(context.getBean(StreamsRunner.class).awaitRunning(Duration.ofSeconds(90))).isTrue();
            produce(broker.bootstrapServers(), prefix + "articles");

            HttpClient http = HttpClient.newHttpClient();
            String health = await(http, base + "/health", body -> body.contains("\"kafkaStreams\""));
            assertThat(health).contains("\"status\":\"UP\"", "\"state\":\"RUNNING\"");
            String metrics = await(http, base + "/prometheus",
                    body -> body.contains("rejected_invalid_article") && body.contains("analyzed_articles"));
            assertThat(metrics).contains("records_lag_max", "role=\"streams\"");
            assertThat(metrics.lines().filter(l -> l.contains("rejected_invalid_article_total") && !l.startsWith("#")))
                    .anySatisfy(line -> assertThat(line).endsWith(" 1.0"));
        }
    }

    private static void produce(String bootstrap, String topic) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "bad", "{\"id\": ".getBytes(StandardCharsets.UTF_8))).get();
            Article good = Fixtures.article("good", "outlet", Instant.parse("2024-01-17T06:00:00Z"), Fixtures.text(1));
            producer.send(new ProducerRecord<>(topic, good.id(), Json.write(good))).get();
        }
    }

    /** Polls {@code url} until its body satisfies {@code ready}; the last body either way. */
    private static String await(HttpClient http, String url, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (ready.test(body)) {
                return body;
            }
            Thread.sleep(500);
        }
        return body;
    }
}
