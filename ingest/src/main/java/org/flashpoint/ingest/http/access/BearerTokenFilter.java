package org.flashpoint.ingest.http.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.flashpoint.ingest.http.Problems;

/**
 * With {@value BearerToken#PROPERTY} set, every request that is not a GET, HEAD or OPTIONS — on any path, so
 * management endpoints too — needs {@code Authorization: Bearer <token>}; without it the answer is 401. Reads stay
 * open (dashboard, SSE, health, metrics). Not tied to a role: every role's HTTP server on the classpath gets it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = BearerToken.PROPERTY)
public class BearerTokenFilter implements Ordered {

    private final BearerToken token;

    public BearerTokenFilter(@Value("${" + BearerToken.PROPERTY + "}") String token) {
        this.token = new BearerToken(token);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /** Null lets the request through; a response ends it. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (!BearerToken.guards(request.getMethodName())) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (token.admits(authorization)) {
            return null;
        }
        String detail = authorization == null
                ? "send the token as 'Authorization: Bearer <token>' (see --token / FLASHPOINT_TOKEN)"
                : "the bearer token does not match";
        return Problems.respond(Problems.problem(401, "Unauthorized", detail, request.getPath()))
                .header(HttpHeaders.WWW_AUTHENTICATE, authorization == null
                        ? "Bearer realm=\"flashpoint\""
                        : "Bearer realm=\"flashpoint\", error=\"invalid_token\"");
    }
}
