package org.flashpoint.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import org.flashpoint.alerts.delivery.AlertView;
import org.flashpoint.alerts.delivery.Notices;
import org.flashpoint.alerts.delivery.WebhookRegistry;
import org.flashpoint.alerts.delivery.WebhookSignature;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The silences API on a real embedded server with a webhooks file and no Kafka: set, list, fetch and lift silences;
 * problem documents for bad input; entries of the file stay the file's; the alert gauges on /prometheus.
 */
class SilencesHttpTest {

    private ApplicationContext context;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path hooks = Files.writeString(dir.resolve("webhooks.yaml"), """
                webhooks:
                  - {id: pager, url: 'http://127.0.0.1:1/hook', secret: '%s'}
                silences:
                  - {id: drill, dyads: [IND-PAK], until: 2030-01-01T00:00:00Z, comment: announced exercise}
                """.formatted(WebhookSignature.newSecret()));
        context = ApplicationContext.builder()
                .environments("alerts")
                .properties(Map.of("micronaut.server.port", -1,
                        "flashpoint.alerts.feed.enabled", false,
                        "flashpoint.alerts.webhooks.file", hooks.toString(),
                        "micronaut.metrics.export.prometheus.enabled", true,
                        "endpoints.prometheus.enabled", true,
                        "endpoints.prometheus.sensitive", false))
                .start();
        base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return Json.read(body, Map.class);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        Map<String, Object> problem = json(response.body());
        assertThat(problem.get("status")).isEqualTo(status);
        assertThat(problem.get("detail").toString()).contains(detail);
    }

    @Test
    void a_silence_is_set_listed_fetched_and_lifted_and_it_mutes_delivery() throws Exception {
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> created = send("POST", "/api/v1/silences", """
                {"dyads": ["irn-*"], "rule": "tension-week", "until": "%s", "comment": "talks under way", "createdBy": "duty officer"}
                """.formatted(until));
        Map<String, Object> silence = json(created.body());
        String id = silence.get("id").toString();
        HttpResponse<String> list = send("GET", "/api/v1/silences", null);
        HttpResponse<String> one = send("GET", "/api/v1/silences/" + id, null);
        boolean mutes = context.getBean(WebhookRegistry.class).silences().stream()
                .anyMatch(s -> s.mutes(Notices.firing(1), Instant.now()));
        HttpResponse<String> lifted = send("DELETE", "/api/v1/silences/" + id, null);
        HttpResponse<String> again = send("DELETE", "/api/v1/silences/" + id, null);
        HttpResponse<String> gone = send("GET", "/api/v1/silences/" + id, null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).contains("/api/v1/silences/" + id);
        assertThat(id).startsWith("sil-");
        assertThat(silence).containsEntry("dyads", List.of("IRN-*")).containsEntry("rule", "tension-week")
                .containsEntry("until", until.toString()).containsEntry("comment", "talks under way")
                .containsEntry("createdBy", "duty officer").containsEntry("active", true);
        assertThat(Json.read(list.body(), Map[].class)).extracting(m -> m.get("id")).containsExactly("drill", id);
        assertThat(json(one.body())).isEqualTo(silence);
        assertThat(mutes).isTrue();
        assertThat(lifted.statusCode()).isEqualTo(204);
        assertProblem(again, 404, "no silence with id " + id);
        assertProblem(gone, 404, "no silence with id " + id);
        assertThat(context.getBean(WebhookRegistry.class).silences()).extracting(s -> s.id()).containsExactly("drill");
    }

    @Test
    void bad_silences_are_refused_with_a_problem_document_that_says_what_is_wrong() throws Exception {
        String later = Instant.now().plus(Duration.ofHours(1)).toString();

        assertProblem(send("POST", "/api/v1/silences", "{\"until\":\"" + later + "\",\"comment\":\"c\"}"), 400, "needs dyads");
        assertProblem(send("POST", "/api/v1/silences", "{\"dyads\":[\"IRN-PAK\"],\"comment\":\"c\"}"), 400, "needs until");
        assertProblem(send("POST", "/api/v1/silences", "{\"dyads\":[\"IRN-PAK\"],\"until\":\"" + later + "\"}"), 400, "needs a comment");
        assertProblem(send("POST", "/api/v1/silences", "{\"dyads\":[\"IRN-PAK\"],\"until\":\"2020-01-01T00:00:00Z\",\"comment\":\"c\"}"),
                400, "until must be in the future");
        assertProblem(send("POST", "/api/v1/silences", "{\"dyads\":[\"IRAN\"],\"until\":\"" + later + "\",\"comment\":\"c\"}"),
                400, "a dyad pattern is");
        assertProblem(send("POST", "/api/v1/silences", "{\"dyads\":[\"IRN-PAK\"],\"until\":\"tomorrow\",\"comment\":\"c\"}"),
                400, "'until'");
        assertProblem(send("POST", "/api/v1/silences", "{\"dyads\":[\"IRN-PAK\"],\"until\":\"" + later + "\",\"comment\":\"c\",\"matchers\":[]}"),
                400, "matchers");
        assertProblem(send("POST", "/api/v1/silences", "not json"), 400, "invalid");
        assertThat(Json.read(send("GET", "/api/v1/silences", null).body(), Map[].class)).extracting(m -> m.get("id")).containsExactly("drill");
    }

    @Test
    void entries_of_the_webhooks_file_cannot_be_lifted_or_deleted_through_the_api() throws Exception {
        assertProblem(send("DELETE", "/api/v1/silences/drill", null), 409, "webhooks file");
        assertProblem(send("DELETE", "/api/v1/webhooks/pager", null), 409, "webhooks file");
        assertThat(send("GET", "/api/v1/webhooks/pager", null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/api/v1/silences/drill", null).body())).containsEntry("active", true);
    }

    @Test
    void prometheus_shows_how_many_alerts_are_in_each_state() throws Exception {
        AlertView view = context.getBean(AlertView.class);
        view.accept(Notices.firing(1));
        view.accept(Notices.notice(Notices.IRN_PAK, Alert.State.UPGRADED, Alert.Severity.CRITICAL, 2, 2));
        view.accept(Notices.notice("tension-spike", Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.WARNING, 1, 3));

        String metrics = send("GET", "/prometheus", null).body();

        assertThat(metrics).contains("flashpoint_alerts_current{state=\"upgraded\"} 1.0")
                .contains("flashpoint_alerts_current{state=\"firing\"} 1.0")
                .contains("flashpoint_alerts_current{state=\"resolved\"} 0.0");
    }

    @Test
    void with_a_bearer_token_configured_setting_and_lifting_silences_needs_it_and_reading_does_not() throws Exception {
        try (ApplicationContext guarded = ApplicationContext.builder()
                .environments("alerts")
                .properties(Map.of("micronaut.server.port", -1, "flashpoint.alerts.feed.enabled", false,
                        "flashpoint.http.token", "s3cret-token"))
                .start()) {
            String guardedBase = "http://127.0.0.1:" + guarded.getBean(EmbeddedServer.class).start().getPort();
            String body = "{\"dyads\":[\"IRN-PAK\"],\"until\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\",\"comment\":\"c\"}";
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(guardedBase + "/api/v1/silences"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));

            HttpResponse<String> anonymous = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> authorized = http.send(post.header("authorization", "Bearer s3cret-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(guardedBase + "/api/v1/silences")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertProblem(anonymous, 401, "Bearer");
            assertThat(authorized.statusCode()).isEqualTo(201);
            assertThat(Json.read(listed.body(), Map[].class)).hasSize(1);
        }
    }
}
