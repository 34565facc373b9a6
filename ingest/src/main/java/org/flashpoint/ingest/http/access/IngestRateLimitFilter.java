package org.flashpoint.ingest.http.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.InetSocketAddress;
import org.flashpoint.ingest.http.Problems;

/**
 * Requests per second and client address on {@code POST /api/v1/articles}
 * ({@code flashpoint.ingest.rate-limit.per-second}, default 200, 0 = off; {@code .burst}, default 400). It counts
 * requests, not articles, so a flood is refused before its body is read; one request holds at most
 * {@link org.flashpoint.ingest.http.ArticleIntake#MAX_ITEMS} articles. Over the limit: 429 with Retry-After.
 * Runs after the token check, so requests without the token use up no one's allowance.
 */
@ServerFilter(value = "/api/v1/articles", methods = HttpMethod.POST)
@Requires(env = "ingest")
public class IngestRateLimitFilter implements Ordered {

    /** Requests refused for the rate limit; on /prometheus as {@code flashpoint_ingest_throttled_total}. */
    public static final String THROTTLED_METRIC = "flashpoint.ingest.throttled";

    private final ClientRateLimiter limiter;
    private final MeterRegistry meters;

    public IngestRateLimitFilter(@Value("${flashpoint.ingest.rate-limit.per-second:200}") double perSecond,
                                 @Value("${flashpoint.ingest.rate-limit.burst:400}") double burst,
                                 MeterRegistry meters) {
        this.limiter = perSecond == 0 ? null : new ClientRateLimiter(perSecond, burst);
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** Null lets the request through; a response ends it. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (limiter == null) {
            return null;
        }
        // The peer address, not X-Forwarded-For, which any client can write; behind a proxy all share one bucket.
        InetSocketAddress peer = request.getRemoteAddress();
        String client = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        long wait = limiter.take(client, System.nanoTime());
        if (wait == 0) {
            return null;
        }
        meters.counter(THROTTLED_METRIC).increment();
        long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        return Problems.respond(Problems.problem(429, "Too many requests", "over the rate limit for " + client
                        + "; retry after " + seconds + " s, or send more articles per request", request.getPath()))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
