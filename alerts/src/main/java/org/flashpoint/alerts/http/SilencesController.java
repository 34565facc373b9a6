package org.flashpoint.alerts.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flashpoint.alerts.delivery.SilenceEntry;
import org.flashpoint.alerts.delivery.WebhookRegistry;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.PayloadException;

/**
 * Silences over HTTP: set one (a matcher, an end, a reason), list them, lift one. A silence keeps matching notices
 * from webhooks only; alert state, the topic, REST, SSE and the dashboard are unaffected. Changes are journaled
 * (Kafka) before they are answered, so they run on the blocking executor.
 */
@Controller("/api/v1/silences")
@Requires(env = "alerts")
public class SilencesController {

    /** A POST body; {@code rule} and {@code createdBy} may be left out. */
    record NewSilence(List<String> dyads, String rule, Instant until, String comment, String createdBy) {
    }

    /** A silence as listed: as set, and whether it mutes now. */
    record Listed(String id, List<String> dyads, String rule, Instant until, String comment, String createdBy,
                  boolean active) {
        static Listed of(SilenceEntry s, Instant now) {
            return new Listed(s.id(), s.dyads(), s.rule(), s.until(), s.comment(), s.createdBy(), s.activeAt(now));
        }
    }

    private final WebhookRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public SilencesController(WebhookRegistry registry) {
        this.registry = registry;
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> create(@Body String body) {
        Instant now = clock.instant();
        SilenceEntry silence = validate(body, now);
        if (!ApiProblem.registryChange(() -> registry.addSilence(silence))) {
            throw ApiProblem.conflict("a silence with id " + silence.id() + " exists already");
        }
        return HttpResponse.created(Json.writeString(Listed.of(silence, now)), URI.create("/api/v1/silences/" + silence.id()));
    }

    private static SilenceEntry validate(String body, Instant now) {
        NewSilence request;
        try {
            request = Json.read(body, NewSilence.class);
        } catch (PayloadException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        if (request == null) {
            throw ApiProblem.badRequest("a silence needs dyads, until and comment");
        }
        if (request.comment() == null || request.comment().isBlank()) {
            throw ApiProblem.badRequest("a silence needs a comment: why, for the next person on call");
        }
        if (request.until() != null && !request.until().isAfter(now)) {
            throw ApiProblem.badRequest("until must be in the future, got " + request.until());
        }
        try {
            return new SilenceEntry("sil-" + UUID.randomUUID().toString().substring(0, 8), request.dyads(), request.rule(),
                    request.until(), request.comment().trim(), request.createdBy());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list() {
        Instant now = clock.instant();
        return HttpResponse.ok(Json.writeString(registry.silenceEntries().stream().map(s -> Listed.of(s, now)).toList()));
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> one(@PathVariable String id) {
        return HttpResponse.ok(Json.writeString(Listed.of(registry.silence(id)
                .orElseThrow(() -> ApiProblem.notFound("no silence with id " + id)), clock.instant())));
    }

    @Delete("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Void> delete(@PathVariable String id) {
        if (!ApiProblem.registryChange(() -> registry.removeSilence(id))) {
            throw ApiProblem.notFound("no silence with id " + id);
        }
        return HttpResponse.noContent();
    }
}
