package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery side on a real broker: notices produced to a (prefixed) {@code alerts} topic come out on SSE and at a
 * real webhook receiver with valid signatures, retried once; a dead receiver's notices land on
 * {@code alerts.undelivered}; a burst on one dyad arrives as one notice at once and one group; the counts are on
 * {@code /prometheus}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryIT {

    private static final String SECRET = WebhookSignature.newSecret();

    @Test
    @Timeout(120)
    void notices_on_the_topic_reach_sse_and_a_signed_webhook_and_a_dead_receiver_gets_them_dead_lettered(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = "delivery-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        DeliverySettings topics = new DeliverySettings(broker.bootstrapServers(), prefix, null, null,
                new Backoff(1, Duration.ZERO, Duration.ZERO), Duration.ofSeconds(1));
        try (WebhookReceiver receiver = new WebhookReceiver(1)) {
            WebhookReceiver dead = new WebhookReceiver(0);
            URI deadUrl = dead.url();
            dead.close();
            Path hooks = Files.createTempFile("webhooks", ".yaml");
            Files.writeString(hooks, """
                    webhooks:
                      - {id: ops, url: '%s', secret: '%s', dyads: [IRN-PAK]}
                      - {id: gone, url: '%s', secret: '%s'}
                    """.formatted(receiver.url(), SECRET, deadUrl, SECRET));

            try (ApplicationContext context = ApplicationContext.builder()
                    .environments("alerts")
                    .properties(Map.of(
                            "micronaut.server.port", -1,
                            "flashpoint.alerts.bootstrap-servers", broker.bootstrapServers(),
                            "flashpoint.alerts.topic-prefix", prefix,
                            "flashpoint.alerts.webhooks.group-id", prefix + "webhooks",
                            "flashpoint.alerts.webhooks.file", hooks.toString(),
                            "flashpoint.alerts.webhooks.max-attempts", 3,
                            "flashpoint.alerts.webhooks.initial-backoff", "PT0.05S",
                            "flashpoint.alerts.webhooks.max-backoff", "PT0.2S",
                            "flashpoint.alerts.webhooks.timeout", "PT5S",
                            // The upgrade is held for a second, then sent alone (a group of one is the notice itself).
                            "flashpoint.alerts.webhooks.group-interval", "PT1S"))
                    .start();
                 TransactionalSender sender = new TransactionalSender(broker.bootstrapServers())) {
                String base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort();
                AlertNotice firing = Notices.firing(1);
                AlertNotice upgraded = Notices.notice(Notices.IRN_PAK, org.flashpoint.contracts.Alert.State.UPGRADED,
                        org.flashpoint.contracts.Alert.Severity.CRITICAL, 2, 5);
                sender.send(topics.topic(Topics.ALERTS), "IRN-PAK", firing);
                sender.send(topics.topic(Topics.ALERTS), "IRN-PAK", upgraded);

                List<String> sse = sseIds(base, 2);
                WebhookReceiver.Received first = receiver.nextAccepted(Duration.ofSeconds(60));
                WebhookReceiver.Received second = receiver.nextAccepted(Duration.ofSeconds(60));
                List<ConsumerRecord<String, AlertNotice>> deadLetters = consume(broker.bootstrapServers(),
                        topics.topic(Topics.ALERTS_UNDELIVERED), 2, Duration.ofSeconds(60));

                assertThat(sse).containsExactly(firing.id(), upgraded.id());
                assertThat(List.of(first, second)).extracting(WebhookReceiver.Received::id).containsExactly(firing.id(), upgraded.id());
                for (WebhookReceiver.Received r : List.of(first, second)) {
                    assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, r.id(), Long.parseLong(r.timestamp()), r.body()));
                }
                assertThat(Json.read(second.body(), AlertNotice.class)).isEqualTo(upgraded);
                // The receiver failed the first attempt: the retry carried the same id.
                assertThat(receiver.received()).extracting(WebhookReceiver.Received::id)
                        .containsExactly(firing.id(), firing.id(), upgraded.id());
                assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("gone", "gone");
                assertThat(deadLetters).extracting(r -> r.value().id()).containsExactly(firing.id(), upgraded.id());
                HttpResponse<String> alerts = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts?dyad=IRN-PAK")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(Json.read(alerts.body(), AlertNotice[].class)).containsExactly(upgraded);
            }
        }
    }

    @Test
    @Timeout(120)
    void a_burst_on_one_dyad_reaches_the_receiver_as_one_notice_at_once_and_one_signed_group_and_is_counted_on_prometheus(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = "delivery-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        DeliverySettings topics = new DeliverySettings(broker.bootstrapServers(), prefix, null, null,
                new Backoff(1, Duration.ZERO, Duration.ZERO), Duration.ofSeconds(1));
        List<AlertNotice> burst = List.of(Notices.firing(1),
                Notices.notice("tension-spike", Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.WARNING, 1, 2),
                Notices.notice(Notices.IRN_PAK, Alert.State.UPGRADED, Alert.Severity.CRITICAL, 2, 3),
                Notices.notice("deadly-border-incident", Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.CRITICAL, 1, 4));
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            Path hooks = Files.createTempFile("webhooks", ".yaml");
            Files.writeString(hooks, "webhooks:\n  - {id: ops, url: '%s', secret: '%s'}\n".formatted(receiver.url(), SECRET));
            try (ApplicationContext context = ApplicationContext.builder()
                    .environments("alerts")
                    .properties(Map.of(
                            "micronaut.server.port", -1,
                            "flashpoint.alerts.bootstrap-servers", broker.bootstrapServers(),
                            "flashpoint.alerts.topic-prefix", prefix,
                            "flashpoint.alerts.webhooks.group-id", prefix + "webhooks",
                            "flashpoint.alerts.webhooks.file", hooks.toString(),
                            "flashpoint.alerts.webhooks.group-interval", "PT3S",
                            "micronaut.metrics.export.prometheus.enabled", true,
                            "endpoints.prometheus.enabled", true,
                            "endpoints.prometheus.sensitive", false))
                    .start();
                 TransactionalSender sender = new TransactionalSender(broker.bootstrapServers())) {
                String base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort();
                sender.sendAll(topics.topic(Topics.ALERTS), "IRN-PAK", burst);

                WebhookReceiver.Received first = receiver.nextAccepted(Duration.ofSeconds(60));
                WebhookReceiver.Received grouped = receiver.nextAccepted(Duration.ofSeconds(60));
                assertThat(receiver.nextAccepted(Duration.ofSeconds(4))).isNull();
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();

                assertThat(first.id()).isEqualTo(burst.get(0).id());
                assertThat(grouped.id()).startsWith("group.IRN-PAK.");
                for (WebhookReceiver.Received r : List.of(first, grouped)) {
                    assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, r.id(), Long.parseLong(r.timestamp()), r.body()));
                }
                assertThat(Json.read(grouped.body(), NoticeGroup.class).data().notices()).containsExactly(burst.get(1), burst.get(2), burst.get(3));
                assertThat(sample(metrics, "flashpoint_webhook_deliveries_total", "subscription=\"ops\"", "outcome=\"delivered\"")).isEqualTo(2);
                assertThat(sample(metrics, "flashpoint_webhook_held_total", "subscription=\"ops\"")).isEqualTo(3);
                assertThat(sample(metrics, "flashpoint_webhook_groups_total", "subscription=\"ops\"")).isEqualTo(1);
                assertThat(sample(metrics, "flashpoint_alerts_notices_total", "state=\"firing\"")).isEqualTo(3);
                assertThat(sample(metrics, "flashpoint_alerts_current", "state=\"upgraded\"")).isEqualTo(1);
            }
        }
    }

    /** The value of the one sample of {@code metric} whose labels include every one of {@code labels}. */
    private static double sample(String prometheusText, String metric, String... labels) {
        List<String> lines = prometheusText.lines()
                .filter(l -> l.startsWith(metric + "{"))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .toList();
        assertThat(lines).as("%s %s in%n%s", metric, List.of(labels), prometheusText).hasSize(1);
        String[] parts = lines.get(0).split(Pattern.quote("} "));
        return Double.parseDouble(parts[1].trim().split(" ")[0]);
    }

    private static List<String> sseIds(String base, int count) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/stream")).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (ids.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    ids.add(line.substring(3).trim());
                }
            }
        }
        return ids;
    }

    private static List<ConsumerRecord<String, AlertNotice>> consume(String bootstrap, Topic<String, AlertNotice> topic, int count,
                                                                     Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, AlertNotice>> records = new ArrayList<>();
        try (KafkaConsumer<String, AlertNotice> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
