package org.flashpoint.ingest.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flashpoint.contracts.Json;
import org.flashpoint.ingest.corpus.ArticleBuilder;
import org.flashpoint.ingest.publish.ArticleSink;

/** {@code POST /api/v1/articles} and the API's OpenAPI description at {@code GET /api/v1/openapi.yml}. */
@Controller("/api/v1")
@Requires(env = "ingest")
public class ArticleController {

    /** Articles accepted over HTTP; on /prometheus as {@code flashpoint_ingest_accepted_total}. */
    public static final String ACCEPTED_METRIC = "flashpoint.ingest.accepted";
    /** Items rejected over HTTP, tagged with the reason code. */
    public static final String REJECTED_METRIC = "flashpoint.ingest.rejected";

    private final ArticleIntake intake;
    private final Clock clock;
    private final MeterRegistry meters;

    public ArticleController(ArticleSink sink, MeterRegistry meters) {
        this.intake = new ArticleIntake(ArticleBuilder.defaults(), sink);
        this.clock = Clock.systemUTC();
        this.meters = meters;
    }

    @Post(uri = "/articles", consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String requestId = request.getHeaders().get("X-Request-Id", String.class).orElseGet(() -> UUID.randomUUID().toString());
        String contentType = request.getContentType().map(MediaType::toString).orElse(null);
        ArticleIntake.Result result = intake.accept(body == null ? new byte[0] : body, contentType, requestId, clock.instant());
        meters.counter(ACCEPTED_METRIC).increment(result.accepted().size());
        result.errors().forEach(e -> meters.counter(REJECTED_METRIC, "reason", e.reason()).increment());
        if (result.duplicates() > 0) {
            meters.counter(REJECTED_METRIC, "reason", "duplicate").increment(result.duplicates());
        }
        if (result.status() == 202) {
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("requestId", requestId);
            accepted.put("accepted", result.accepted());
            accepted.put("duplicates", result.duplicates());
            return HttpResponse.<String>status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Json.writeString(accepted));
        }
        String title = switch (result.status()) {
            case 415 -> "Unsupported media type";
            case 400 -> "Malformed request body";
            case 413 -> "Too many articles";
            default -> "Some articles were rejected";
        };
        Map<String, Object> problem = Problems.problem(result.status(), title, result.detail(), request.getPath());
        problem.put("requestId", requestId);
        problem.put("accepted", result.accepted());
        problem.put("errors", result.errors().stream().map(ArticleController::error).toList());
        return Problems.respond(problem);
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    public String openApi() {
        try (InputStream in = ArticleController.class.getResourceAsStream("openapi.yml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> error(ArticleIntake.ItemError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (error.item() >= 0) {
            out.put("item", error.item());
            out.put("pointer", "/" + error.item() + (error.field().startsWith("(") ? "" : "/" + error.field()));
        }
        out.put("field", error.field());
        out.put("reason", error.reason());
        out.put("detail", error.detail());
        return out;
    }

}
