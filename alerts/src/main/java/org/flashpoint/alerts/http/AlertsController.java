package org.flashpoint.alerts.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.Locale;
import org.flashpoint.alerts.delivery.AlertView;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Json;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/** Alerts over HTTP: the latest notice per alert, one alert, and the live stream of notices (SSE). */
@Controller("/api/v1/alerts")
@Requires(env = "alerts")
public class AlertsController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final AlertView view;

    public AlertsController(AlertView view) {
        this.view = view;
    }

    @Get(uri = "{?state,dyad}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> alerts(@Nullable @QueryValue String state, @Nullable @QueryValue String dyad) {
        return HttpResponse.ok(Json.writeString(view.alerts(state(state), dyad(dyad))));
    }

    /**
     * Every kept notice after {@code Last-Event-ID} (all of them on a first connect), then each new one as it
     * arrives. The event id is the notice id, so a browser's automatic reconnect resumes where it stopped.
     */
    @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> stream(@Nullable @Header("Last-Event-ID") String lastEventId) {
        Flux<Event<String>> notices = Flux.create(sink -> {
            // A comment first, so the response starts (and the browser reports the stream open) before any alert.
            sink.next(heartbeat());
            Runnable stop = view.subscribe(lastEventId, notice -> sink.next(Event.of(Json.writeString(notice)).id(notice.id())));
            sink.onDispose(stop::run);
        }, FluxSink.OverflowStrategy.BUFFER);
        // Periodic comments keep idle connections from being closed by proxies and reveal dead clients.
        return notices.mergeWith(Flux.interval(HEARTBEAT).map(i -> heartbeat()));
    }

    private static Event<String> heartbeat() {
        return Event.of("").comment("keep-alive");
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> alert(@PathVariable String id) {
        return HttpResponse.ok(Json.writeString(view.alert(id)
                .orElseThrow(() -> ApiProblem.notFound("no alert with id " + id))));
    }

    private static Alert.State state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Alert.State.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("state is one of pending, firing, upgraded, resolved; got " + text);
        }
    }

    static Dyad dyad(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dyad.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }
}
