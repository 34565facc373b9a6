package org.flashpoint.alerts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.alerts.delivery.WebhookReceiver;
import org.flashpoint.alerts.delivery.WebhookSignature;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.streams.StreamsRunner;
import org.flashpoint.streams.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard while the whole pipeline runs on a real broker: the streams role analyses the Iran–Pakistan run of the
 * development corpus (d-001 … d-016), the alerts role evaluates the default rules and delivers; the page, opened
 * before the first article is sent, shows the IRN–PAK alert as SSE brings it, with the incidents and their evidence,
 * and the same notice reaches a webhook validly signed. Screenshot: {@code target/dashboard-pipeline.png}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardPipelineIT {

    private static final Path DEV = Path.of(System.getProperty("flashpoint.shared", "../../shared"), "corpus", "dev");
    private static final String SECRET = WebhookSignature.newSecret();

    @Test
    @Timeout(300)
    void the_iran_pakistan_replay_shows_its_alert_live_on_the_dashboard_and_at_a_signed_webhook(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        HeadlessChromium.assumeInstalled();
        String prefix = "pipeline-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        createReplayTopics(broker.bootstrapServers(), prefix);
        List<Article> articles = Corpus.read(IntStream.rangeClosed(1, 16)
                .mapToObj(i -> DEV.resolve(String.format("d-%03d.json", i))).toList(), Instant.now()).articles();
        assertThat(articles).hasSize(16);
        StreamsSettings streams = StreamsSettings.defaults(broker.bootstrapServers()).withApplicationId(prefix + "streams")
                .withTopicPrefix(prefix).withStateDir(Files.createTempDirectory("pipeline-streams"));

        try (WebhookReceiver receiver = new WebhookReceiver(0);
             StreamsRunner streamsRole = StreamsRunner.start(streams, Analyzer.loadDefault());
             ApplicationContext alertsRole = ApplicationContext.builder()
                     .environments("alerts")
                     .properties(alertsProperties(broker.bootstrapServers(), prefix, webhooks(receiver)))
                     .start()) {
            String url = "http://127.0.0.1:" + alertsRole.getBean(EmbeddedServer.class).start().getPort() + "/";
            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get(url);
                produce(broker.bootstrapServers(), prefix + Topics.ARTICLES.name(), articles);

                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li.alert-card")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incidents li.incident blockquote a")));
                wait.until(d -> d.findElement(By.id("progress")).getText().matches(".*alert notices [1-9].*"));
                WebhookReceiver.Received delivered = receiver.nextAccepted(Duration.ofSeconds(120));
                HeadlessChromium.screenshot(browser, "dashboard-pipeline.png");

                // The list is redrawn on every notice: read it now rather than hold an element.
                assertThat(browser.findElement(By.id("alerts")).getText()).contains("IRN–PAK");
                assertThat(browser.findElement(By.id("dyad")).getAttribute("value")).isEqualTo("IRN-PAK");
                assertThat(delivered).isNotNull();
                assertThat(delivered.signature()).isEqualTo(
                        WebhookSignature.sign(SECRET, delivered.id(), Long.parseLong(delivered.timestamp()), delivered.body()));
                AlertNotice notice = Json.read(delivered.body(), AlertNotice.class);
                assertThat(notice.subject()).isEqualTo("IRN-PAK");
                assertThat(notice.data().incidents()).isNotEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    private static Path webhooks(WebhookReceiver receiver) throws Exception {
        Path file = Files.createTempFile("webhooks", ".yaml");
        Files.writeString(file, "webhooks:\n  - {id: ops, url: '" + receiver.url() + "', secret: '" + SECRET + "'}\n");
        return file;
    }

    private static Map<String, Object> alertsProperties(String bootstrap, String prefix, Path webhooks) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("flashpoint.alerts.bootstrap-servers", bootstrap);
        properties.put("flashpoint.alerts.topic-prefix", prefix);
        properties.put("flashpoint.alerts.evaluate", true);
        properties.put("flashpoint.alerts.application-id", prefix + "alerts");
        properties.put("flashpoint.alerts.state-dir", Files.createTempDirectory("pipeline-alerts").toString());
        properties.put("flashpoint.alerts.wall-clock-interval", "off");
        properties.put("flashpoint.alerts.webhooks.group-id", prefix + "webhooks");
        properties.put("flashpoint.alerts.webhooks.file", webhooks.toString());
        return properties;
    }

    /**
     * Every topic with infinite retention: time-based retention compares record times (2024 here) with the broker's
     * clock and would delete a replay's records. One articles partition keeps their order the publication order.
     */
    private static void createReplayTopics(String bootstrap, String prefix) {
        List<Topic<String, ?>> topics = Topics.ALL.stream().<Topic<String, ?>>map(t -> replayTopic(prefixed(prefix, t))).toList();
        TopicAdmin.ensureTopics(bootstrap, topics);
    }

    private static <V> Topic<String, V> prefixed(String prefix, Topic<String, V> topic) {
        return new Topic<>(prefix + topic.name(), topic.keySerde(), topic.valueSerde(), topic.partitions(), topic.compacted(),
                topic.retention(), topic.schema());
    }

    private static <V> Topic<String, V> replayTopic(Topic<String, V> topic) {
        return new Topic<>(topic.name(), topic.keySerde(), topic.valueSerde(),
                topic.name().endsWith("." + Topics.ARTICLES.name()) ? 1 : topic.partitions(), topic.compacted(), null, topic.schema());
    }

    /** Sends the articles in order, record time = publication time, as a replay does. */
    private static void produce(String bootstrap, String topic, List<Article> articles) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topic, null, article.published().toEpochMilli(), article.id(), Json.write(article))).get();
            }
        }
    }
}
