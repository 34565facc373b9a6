package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restarts of the delivery side on a real broker: subscriptions and silences made through the API come back from
 * the compacted journal topic (and reach a second instance while it runs), and a notice held for a grouped
 * delivery when the role stops is delivered after the restart rather than lost.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryJournalIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ApplicationContext start(String bootstrap, String prefix, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "flashpoint.alerts.bootstrap-servers", bootstrap,
                "flashpoint.alerts.topic-prefix", prefix,
                "flashpoint.alerts.webhooks.group-id", prefix + "webhooks"));
        properties.putAll(extra);
        ApplicationContext context = ApplicationContext.builder().environments("alerts").properties(properties).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private static String base(ApplicationContext context) {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    private static HttpResponse<String> send(ApplicationContext context, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(context) + path)).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Object> ids(ApplicationContext context, String path) throws Exception {
        return List.of(Json.read(send(context, "GET", path, null).body(), Map[].class)).stream().map(m -> m.get("id")).toList();
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String prefix() {
        return "journal-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    @Test
    @Timeout(180)
    void subscriptions_and_silences_made_through_the_api_survive_a_restart_and_reach_a_second_instance(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = prefix();
        String until = Instant.now().plus(Duration.ofDays(1)).toString();
        String silenceBody = "{\"dyads\":[\"IRN-PAK\"],\"until\":\"" + until + "\",\"comment\":\"talks\",\"createdBy\":\"ops\"}";
        String kept;
        String secret;
        String later;
        try (ApplicationContext first = start(broker.bootstrapServers(), prefix, Map.of())) {
            HttpResponse<String> created = send(first, "POST", "/api/v1/webhooks", "{\"id\":\"ops\",\"url\":\"http://127.0.0.1:1/hook\"}");
            secret = Json.read(created.body(), Map.class).get("secret").toString();
            send(first, "POST", "/api/v1/webhooks", "{\"id\":\"temp\",\"url\":\"http://127.0.0.1:1/temp\"}");
            assertThat(send(first, "DELETE", "/api/v1/webhooks/temp", null).statusCode()).isEqualTo(204);
            kept = Json.read(send(first, "POST", "/api/v1/silences", silenceBody).body(), Map.class).get("id").toString();
            String lifted = Json.read(send(first, "POST", "/api/v1/silences", silenceBody).body(), Map.class).get("id").toString();
            assertThat(send(first, "DELETE", "/api/v1/silences/" + lifted, null).statusCode()).isEqualTo(204);

            try (ApplicationContext second = start(broker.bootstrapServers(), prefix, Map.of())) {
                assertThat(ids(second, "/api/v1/webhooks")).containsExactly("ops");
                assertThat(ids(second, "/api/v1/silences")).containsExactly(kept);
                later = Json.read(send(first, "POST", "/api/v1/silences", silenceBody).body(), Map.class).get("id").toString();
                await(Duration.ofSeconds(30), () -> second.getBean(WebhookRegistry.class).silence(later).isPresent());
                assertThat(second.getBean(WebhookRegistry.class).silence(later)).isPresent();
            }
        }

        try (ApplicationContext restarted = start(broker.bootstrapServers(), prefix, Map.of())) {
            assertThat(ids(restarted, "/api/v1/webhooks")).containsExactly("ops");
            assertThat(restarted.getBean(WebhookRegistry.class).subscription("ops").orElseThrow().secret()).isEqualTo(secret);
            assertThat(ids(restarted, "/api/v1/silences")).containsExactlyInAnyOrder(kept, later);
            assertThat(Json.read(send(restarted, "GET", "/api/v1/silences/" + kept, null).body(), Map.class))
                    .containsEntry("createdBy", "ops").containsEntry("until", until).containsEntry("active", true);
        }
    }

    @Test
    @Timeout(180)
    void a_notice_held_for_a_group_when_the_role_stops_is_read_again_and_delivered_after_the_restart(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        String prefix = prefix();
        String secret = WebhookSignature.newSecret();
        DeliverySettings topics = new DeliverySettings(broker.bootstrapServers(), prefix, null, null,
                new Backoff(1, Duration.ZERO, Duration.ZERO), Duration.ofSeconds(1));
        try (WebhookReceiver receiver = new WebhookReceiver(0);
             TransactionalSender sender = new TransactionalSender(broker.bootstrapServers())) {
            Path hooks = Files.createTempFile("webhooks", ".yaml");
            Files.writeString(hooks, "webhooks:\n  - {id: ops, url: '%s', secret: '%s'}\n".formatted(receiver.url(), secret));
            Map<String, Object> holdForAnHour = Map.of("flashpoint.alerts.webhooks.file", hooks.toString(),
                    "flashpoint.alerts.webhooks.group-interval", "PT1H");
            try (ApplicationContext stopping = start(broker.bootstrapServers(), prefix, holdForAnHour)) {
                sender.send(topics.topic(Topics.ALERTS), "IRN-PAK", Notices.firing(1));
                sender.send(topics.topic(Topics.ALERTS), "IRN-PAK", Notices.firing(2));
                assertThat(receiver.nextAccepted(Duration.ofSeconds(60)).id()).isEqualTo(Notices.firing(1).id());
                MeterRegistry meters = stopping.getBean(MeterRegistry.class);
                await(Duration.ofSeconds(60), () -> meters.counter(DeliveryMetrics.HELD, "subscription", "ops").count() == 1);
                assertThat(meters.counter(DeliveryMetrics.HELD, "subscription", "ops").count()).isEqualTo(1);
            }

            try (ApplicationContext restarted = start(broker.bootstrapServers(), prefix,
                    Map.of("flashpoint.alerts.webhooks.file", hooks.toString(), "flashpoint.alerts.webhooks.group-interval", "PT0S"))) {
                WebhookReceiver.Received held = receiver.nextAccepted(Duration.ofSeconds(60));

                assertThat(held.id()).isEqualTo(Notices.firing(2).id());
                assertThat(held.signature()).isEqualTo(WebhookSignature.sign(secret, held.id(), Long.parseLong(held.timestamp()), held.body()));
                // The first notice was committed before the stop: it is not sent again.
                assertThat(receiver.nextAccepted(Duration.ofSeconds(2))).isNull();
                assertThat(receiver.received()).extracting(WebhookReceiver.Received::id)
                        .containsExactly(Notices.firing(1).id(), Notices.firing(2).id());
            }
        }
    }
}
