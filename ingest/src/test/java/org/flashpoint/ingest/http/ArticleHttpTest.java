package org.flashpoint.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleHttpTest {

    static final String BODY = "Officials in both capitals said the talks would resume next week after a pause of two months.";
    static final RecordingSink SINK = new RecordingSink();
    static ApplicationContext context;
    static URI base;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().environments("ingest")
                .properties(Map.of("micronaut.server.port", -1, "micronaut.server.max-request-size", "65536"))
                .singletons(SINK)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        base = server.getURI();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void clear() {
        SINK.articles.clear();
        SINK.rejected.clear();
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1/articles")).header("Content-Type", contentType)
                .header("X-Request-Id", "req-1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String article(String title, String text) {
        return "{\"title\":\"" + title + "\",\"text\":\"" + text + "\",\"published\":\"2024-01-29T10:00:00Z\",\"source\":\"W\"}";
    }

    @Test
    void oneJsonArticleIsAcceptedWith202AndItsId() throws Exception {
        HttpResponse<String> response = post("application/json", article("A", BODY));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("accepted")).hasSize(1);
        assertThat(body.get("accepted").get(0).asText()).isEqualTo(SINK.articles.get(0).id());
        assertThat(SINK.articles.get(0).origin()).isEqualTo("http:req-1#item0");
    }

    @Test
    void anArrayWithABadItemAcceptsTheGoodOnesAndNamesTheBadItemAndFieldAsAProblem() throws Exception {
        String array = "[" + article("A", BODY) + ",{\"title\":\"no text\"}," + article("C", BODY + " C.")
                + ",{\"text\":\"" + BODY + " D.\",\"published\":\"someday\"}]";

        HttpResponse<String> response = post("application/json", array);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("accepted")).hasSize(2);
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/1/text");
        assertThat(problem.get("errors").get(1).get("pointer").asText()).isEqualTo("/3/published");
        assertThat(problem.get("errors").get(1).get("reason").asText()).isEqualTo("unparseable_date");
        assertThat(SINK.articles).hasSize(2);
        assertThat(SINK.rejected).extracting(r -> r.origin()).containsExactly("http:req-1#item1", "http:req-1#item3");
        assertThat(context.getBean(MeterRegistry.class).counter(ArticleController.REJECTED_METRIC, "reason", "unparseable_date")
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void ndjsonIsOneArticleALineAndABrokenLineIsNamed() throws Exception {
        HttpResponse<String> response = post("application/x-ndjson",
                article("A", BODY) + "\n{oops\n" + article("B", BODY + " B.") + "\n");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.get("accepted")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("item").asInt()).isEqualTo(1);
        assertThat(SINK.rejected).extracting(r -> r.reason()).containsExactly("malformed");
    }

    @Test
    void aRepeatedItemIsSentOnceAndCountedAsADuplicate() throws Exception {
        HttpResponse<String> response = post("application/json", "[" + article("A", BODY) + "," + article("A", BODY) + "]");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(response.body()).get("duplicates").asInt()).isEqualTo(1);
        assertThat(SINK.articles).hasSize(1);
        assertThat(SINK.rejected).extracting(r -> r.reason()).containsExactly("duplicate");
    }

    @Test
    void anotherMediaTypeIsAnswered415AsAProblemAndDeadLettered() throws Exception {
        HttpResponse<String> response = post("text/plain", BODY);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(Json.mapper().readTree(response.body()).get("title").asText()).isEqualTo("Unsupported media type");
        assertThat(SINK.rejected).extracting(r -> r.reason()).containsExactly("unsupported_format");
    }

    @Test
    void aBodyThatIsNotJsonIsAnswered400() throws Exception {
        HttpResponse<String> response = post("application/json", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void aBodyOverTheSizeLimitIsAnswered413AsAProblem() throws Exception {
        HttpResponse<String> response = post("application/json", article("A", "x".repeat(70_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Json.mapper().readTree(response.body()).get("status").asInt()).isEqualTo(413);
        assertThat(SINK.articles).isEmpty();
    }

    @Test
    void moreArticlesThanOneRequestMayHoldAreAnswered413AndNoneIsPublished() throws Exception {
        HttpResponse<String> array = post("application/json", "[" + "{},".repeat(ArticleIntake.MAX_ITEMS) + "{}]");
        HttpResponse<String> ndjson = post("application/x-ndjson", "{}\n".repeat(ArticleIntake.MAX_ITEMS + 1));

        for (HttpResponse<String> response : java.util.List.of(array, ndjson)) {
            assertThat(response.statusCode()).isEqualTo(413);
            JsonNode problem = Json.mapper().readTree(response.body());
            assertThat(problem.get("title").asText()).isEqualTo("Too many articles");
            assertThat(problem.get("errors").get(0).get("reason").asText()).isEqualTo("too_many_items");
        }
        assertThat(SINK.articles).isEmpty();
        assertThat(SINK.rejected).extracting(r -> r.reason()).containsExactly("too_many_items", "too_many_items");
    }

    @Test
    void theOpenApiDescriptionAndHealthAreServed() throws Exception {
        HttpResponse<String> openApi = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/openapi.yml")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("openapi: 3.1.0", "/api/v1/articles");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }
}
