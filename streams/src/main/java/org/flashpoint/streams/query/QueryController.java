package org.flashpoint.streams.query;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

/** Interactive queries over HTTP: a thin adapter over {@link InteractiveQueries}. */
@Controller(InteractiveQueries.API)
@Requires(env = "streams")
public class QueryController {

    private final InteractiveQueries queries;

    public QueryController(InteractiveQueries queries) {
        this.queries = queries;
    }

    @Get("/dyads{?scope}")
    public HttpResponse<String> dyads(@Nullable @QueryValue String scope) {
        return respond(queries.dyads("local".equals(scope)));
    }

    @Get("/dyads/{dyad}/indicators{?from,to,window}")
    public HttpResponse<String> indicators(@PathVariable String dyad, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to, @Nullable @QueryValue String window,
                                           HttpRequest<?> request) {
        return respond(queries.indicators(dyad, from, to, window, pathAndQuery(request), forwarded(request)));
    }

    @Get("/incidents{?dyad,from,to,scope}")
    public HttpResponse<String> incidents(@Nullable @QueryValue String dyad, @Nullable @QueryValue String from,
                                          @Nullable @QueryValue String to, @Nullable @QueryValue String scope,
                                          HttpRequest<?> request) {
        return respond(queries.incidents(dyad, from, to, "local".equals(scope), pathAndQuery(request), forwarded(request)));
    }

    @Get("/incidents/{id}")
    public HttpResponse<String> incident(@PathVariable String id, HttpRequest<?> request) {
        return respond(queries.incident(id, pathAndQuery(request), forwarded(request)));
    }

    private static HttpResponse<String> respond(QueryResult result) {
        return HttpResponse.<String>status(HttpStatus.valueOf(result.status()))
                .contentType(result.contentType())
                .body(result.body());
    }

    private static String pathAndQuery(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return request.getUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static boolean forwarded(HttpRequest<?> request) {
        return request.getHeaders().contains(Forwarder.HEADER);
    }
}
