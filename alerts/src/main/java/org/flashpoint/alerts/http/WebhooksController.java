package org.flashpoint.alerts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flashpoint.alerts.delivery.DeliveryLog;
import org.flashpoint.alerts.delivery.Subscription;
import org.flashpoint.alerts.delivery.WebhookRegistry;
import org.flashpoint.alerts.delivery.WebhookSignature;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Json;

/**
 * Webhook subscriptions over HTTP. The secret is returned once, in the answer to the POST that created it (generated
 * when the request has none); listings leave it out. Changes are journaled (Kafka) before they are answered, so they
 * block: they run on the blocking executor.
 */
@Controller("/api/v1/webhooks")
@Requires(env = "alerts")
public class WebhooksController {

    /** A POST body; everything but {@code url} may be left out. */
    record NewSubscription(String id, URI url, String secret, List<String> dyads, Alert.Severity minSeverity,
                           Set<Alert.State> states) {
    }

    /** A subscription as listed: everything but the secret. */
    record Listed(String id, URI url, List<String> dyads, Alert.Severity minSeverity, Set<Alert.State> states) {
        static Listed of(Subscription s) {
            return new Listed(s.id(), s.url(), s.dyads(), s.minSeverity(), s.states());
        }
    }

    private final WebhookRegistry registry;
    private final DeliveryLog log;

    public WebhooksController(WebhookRegistry registry, DeliveryLog log) {
        this.registry = registry;
        this.log = log;
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> create(@Body String body) {
        NewSubscription request;
        try {
            request = Json.mapper().readValue(body, NewSubscription.class);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("not a webhook subscription: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw ApiProblem.badRequest("a webhook subscription needs at least a url");
        }
        Subscription subscription;
        try {
            subscription = new Subscription(
                    request.id() == null ? "wh-" + UUID.randomUUID().toString().substring(0, 8) : request.id(),
                    request.url(), request.secret() == null ? WebhookSignature.newSecret() : request.secret(),
                    request.dyads(), request.minSeverity(), request.states());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        if (!ApiProblem.registryChange(() -> registry.add(subscription))) {
            throw ApiProblem.conflict("a webhook with id " + subscription.id() + " exists already");
        }
        return HttpResponse.created(Json.writeString(subscription), URI.create("/api/v1/webhooks/" + subscription.id()));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list() {
        return HttpResponse.ok(Json.writeString(registry.subscriptions().stream().map(Listed::of).toList()));
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> one(@PathVariable String id) {
        return HttpResponse.ok(Json.writeString(Listed.of(existing(id))));
    }

    @Delete("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Void> delete(@PathVariable String id) {
        if (!ApiProblem.registryChange(() -> registry.remove(id))) {
            throw ApiProblem.notFound("no webhook with id " + id);
        }
        log.forget(id);
        return HttpResponse.noContent();
    }

    @Get(uri = "/{id}/deliveries", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> deliveries(@PathVariable String id) {
        existing(id);
        return HttpResponse.ok(Json.writeString(log.deliveries(id)));
    }

    private Subscription existing(String id) {
        return registry.subscription(id).orElseThrow(() -> ApiProblem.notFound("no webhook with id " + id));
    }
}
