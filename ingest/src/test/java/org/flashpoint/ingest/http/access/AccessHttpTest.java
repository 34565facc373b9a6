package org.flashpoint.ingest.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.flashpoint.contracts.Json;
import org.flashpoint.ingest.publish.RecordingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token and the rate limit on a real embedded server of the ingest role. */
class AccessHttpTest {

    private static final String TOKEN = "test-token-0123456789";
    private static final String ARTICLE = "{\"title\":\"A\",\"source\":\"W\",\"published\":\"2024-01-29T10:00:00Z\","
            + "\"text\":\"Officials in both capitals said the talks would resume next week after a pause of two months.\"}";

    private final HttpClient client = HttpClient.newHttpClient();
    private final RecordingSink sink = new RecordingSink();
    private ApplicationContext context;
    private URI base;

    private void start(Map<String, Object> properties) {
        context = ApplicationContext.builder().environments("ingest")
                .properties(Map.of("micronaut.server.port", -1)).properties(properties)
                .singletons(sink)
                .start();
        base = context.getBean(EmbeddedServer.class).start().getURI();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(ARTICLE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void with_a_token_set_a_post_without_it_or_with_a_wrong_one_is_401_and_publishes_nothing() throws Exception {
        start(Map.of(BearerToken.PROPERTY, TOKEN));

        HttpResponse<String> without = send("POST", "/api/v1/articles", null);
        HttpResponse<String> wrong = send("POST", "/api/v1/articles", "Bearer not-" + TOKEN);

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(without.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = Json.mapper().readTree(without.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/articles");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        assertThat(sink.articles).isEmpty();
        assertThat(sink.rejected).as("an unauthenticated body is not even dead-lettered").isEmpty();
    }

    @Test
    void with_the_token_a_post_is_accepted_and_reads_need_no_token() throws Exception {
        start(Map.of(BearerToken.PROPERTY, TOKEN));

        HttpResponse<String> post = send("POST", "/api/v1/articles", "Bearer " + TOKEN);
        HttpResponse<String> openApi = send("GET", "/api/v1/openapi.yml", null);
        HttpResponse<String> health = send("GET", "/health", null);

        assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
        assertThat(sink.articles).hasSize(1);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void with_a_token_set_writes_anywhere_need_it_not_only_the_article_api() throws Exception {
        start(Map.of(BearerToken.PROPERTY, TOKEN));

        assertThat(send("DELETE", "/api/v1/webhooks/some-id", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/refresh", null).statusCode()).isEqualTo(401);
    }

    @Test
    void without_the_property_the_filter_is_absent_and_writes_are_open() throws Exception {
        start(Map.of());

        assertThat(send("POST", "/api/v1/articles", null).statusCode()).isEqualTo(202);
        assertThat(context.containsBean(BearerTokenFilter.class)).isFalse();
    }

    @Test
    void over_the_rate_limit_a_client_gets_429_with_retry_after_and_unauthenticated_requests_use_no_allowance()
            throws Exception {
        start(Map.of(BearerToken.PROPERTY, TOKEN,
                "flashpoint.ingest.rate-limit.per-second", "0.001", "flashpoint.ingest.rate-limit.burst", "2"));

        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/articles", null).statusCode()).isEqualTo(401);
        }
        assertThat(send("POST", "/api/v1/articles", "Bearer " + TOKEN).statusCode()).isEqualTo(202);
        assertThat(send("POST", "/api/v1/articles", "Bearer " + TOKEN).statusCode()).isEqualTo(202);
        HttpResponse<String> third = send("POST", "/api/v1/articles", "Bearer " + TOKEN);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).as("one request per 1000 s").isBetween(900L, 1000L));
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Json.mapper().readTree(third.body()).get("status").asInt()).isEqualTo(429);
        assertThat(send("GET", "/api/v1/openapi.yml", null).statusCode()).as("reads are not limited").isEqualTo(200);
        assertThat(sink.articles).as("only the two admitted requests were read").hasSize(2);
    }

    @Test
    void a_rate_of_zero_turns_the_limit_off() throws Exception {
        start(Map.of("flashpoint.ingest.rate-limit.per-second", "0", "flashpoint.ingest.rate-limit.burst", "1"));

        for (int i = 0; i < 5; i++) {
            assertThat(send("POST", "/api/v1/articles", null).statusCode()).isEqualTo(202);
        }
    }
}
