package org.flashpoint.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flashpoint.alerts.dashboard.DashboardView;
import org.flashpoint.alerts.delivery.AlertView;
import org.flashpoint.alerts.delivery.Notices;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP surface of the alerts role, over a view the test fills: REST, SSE with resume, webhooks API, dashboard. */
class AlertsHttpTest {

    private ApplicationContext context;
    private AlertView view;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        context = ApplicationContext.builder()
                .environments("alerts")
                .properties(Map.of("micronaut.server.port", -1, "flashpoint.alerts.feed.enabled", false))
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        base = "http://127.0.0.1:" + server.getPort();
        view = context.getBean(AlertView.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void alerts_are_listed_with_their_latest_notice_filtered_by_state_and_dyad_and_fetched_by_id() throws Exception {
        AlertNotice resolved = Notices.notice(Notices.IRN_PAK, Alert.State.RESOLVED, Alert.Severity.WARNING, 2, 10);
        view.accept(Notices.firing(1));
        view.accept(resolved);

        HttpResponse<String> all = get("/api/v1/alerts");
        HttpResponse<String> resolvedOnly = get("/api/v1/alerts?state=resolved&dyad=PAK-IRN");
        HttpResponse<String> firingOnly = get("/api/v1/alerts?state=FIRING");
        HttpResponse<String> one = get("/api/v1/alerts/" + URLEncoder.encode(resolved.data().alertId(), StandardCharsets.UTF_8));

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(Json.read(all.body(), AlertNotice[].class)).containsExactly(resolved);
        assertThat(Json.read(resolvedOnly.body(), AlertNotice[].class)).containsExactly(resolved);
        assertThat(Json.read(firingOnly.body(), AlertNotice[].class)).isEmpty();
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Json.read(one.body(), AlertNotice.class)).isEqualTo(resolved);
    }

    @Test
    void errors_are_problem_documents() throws Exception {
        HttpResponse<String> missing = get("/api/v1/alerts/no-such-alert");
        HttpResponse<String> badState = get("/api/v1/alerts?state=angry");
        HttpResponse<String> badDyad = get("/api/v1/alerts?dyad=IRAN");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Json.read(missing.body(), Map.class)).containsEntry("status", 404).containsEntry("instance", "/api/v1/alerts/no-such-alert");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("pending, firing, upgraded, resolved");
        assertThat(badDyad.statusCode()).isEqualTo(400);
        assertThat(badDyad.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    /** Reads SSE events (id and data) until {@code count} arrived. */
    private List<String[]> events(String lastEventId, int count) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/stream")).header("accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<String[]> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (events.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new String[] {id, data.toString()});
                    id = null;
                    data.setLength(0);
                }
            }
        }
        return events;
    }

    @Test
    @Timeout(30)
    void the_stream_replays_kept_notices_then_pushes_new_ones_and_resumes_after_the_last_event_id() throws Exception {
        view.accept(Notices.firing(1));
        view.accept(Notices.firing(2));
        Thread pusher = new Thread(() -> {
            // Pushed while the first client is connected; it needs three events to finish.
            while (view.noticeCount() < 3) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                view.accept(Notices.firing(3));
            }
        });
        pusher.start();

        List<String[]> first = events(null, 3);
        pusher.join();
        view.accept(Notices.firing(4));
        List<String[]> resumed = events(first.get(1)[0], 2);

        assertThat(first).extracting(e -> e[0]).containsExactly(Notices.firing(1).id(), Notices.firing(2).id(), Notices.firing(3).id());
        assertThat(Json.read(first.get(0)[1], AlertNotice.class)).isEqualTo(Notices.firing(1));
        assertThat(resumed).extracting(e -> e[0]).containsExactly(Notices.firing(3).id(), Notices.firing(4).id());
    }

    @Test
    void webhooks_are_created_listed_without_secret_logged_and_deleted_through_the_api() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/webhooks",
                "{\"id\":\"ops\",\"url\":\"http://127.0.0.1:1/hook\",\"dyads\":[\"IRN-*\"],\"minSeverity\":\"CRITICAL\"}");
        HttpResponse<String> again = send("POST", "/api/v1/webhooks", "{\"id\":\"ops\",\"url\":\"http://127.0.0.1:1/hook\"}");
        HttpResponse<String> invalid = send("POST", "/api/v1/webhooks", "{\"url\":\"ftp://example.org/x\"}");
        HttpResponse<String> list = get("/api/v1/webhooks");
        HttpResponse<String> deliveries = get("/api/v1/webhooks/ops/deliveries");
        HttpResponse<String> deleted = send("DELETE", "/api/v1/webhooks/ops", null);
        HttpResponse<String> gone = get("/api/v1/webhooks/ops/deliveries");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).contains("/api/v1/webhooks/ops");
        assertThat(Json.read(created.body(), Map.class).get("secret").toString()).startsWith("whsec_");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("absolute http or https URL");
        assertThat(list.body()).contains("\"id\":\"ops\"").contains("\"minSeverity\":\"CRITICAL\"").doesNotContain("secret");
        assertThat(deliveries.statusCode()).isEqualTo(200);
        assertThat(deliveries.body()).isEqualTo("[]");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    void the_dashboard_page_its_assets_the_chart_library_and_its_data_are_served() throws Exception {
        context.getBean(DashboardView.class).accept(Notices.strike());

        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/dashboard/dashboard.js");
        HttpResponse<String> chart = get("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        HttpResponse<String> data = get("/api/v1/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Flashpoint").contains("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("EventSource('/api/v1/alerts/stream')");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js v4.4.1");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).contains("\"dyad\":\"IRN-PAK\"").contains("Missiles struck a village");
    }
}
