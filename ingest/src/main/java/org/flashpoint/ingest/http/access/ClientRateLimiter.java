package org.flashpoint.ingest.http.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TokenBucket} per client. Buckets that have refilled are dropped once there are many, so a stream of
 * requests from ever new addresses cannot grow the map without bound. Time is an argument, as in the bucket.
 */
public final class ClientRateLimiter {

    /** Past this many clients, full buckets are dropped (at most once a second). */
    static final int SWEEP_ABOVE = 10_000;
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private Long lastSweep;

    public ClientRateLimiter(double perSecond, double burst) {
        TokenBucket.requireValid(perSecond, burst);
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** 0 when {@code client} may go ahead, else nanoseconds until it may. */
    public long take(String client, long now) {
        long wait = buckets.computeIfAbsent(client, c -> new TokenBucket(perSecond, burst, now)).take(now);
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return wait;
    }

    int clients() {
        return buckets.size();
    }

    private synchronized void sweep(long now) {
        if (lastSweep != null && now - lastSweep < SWEEP_INTERVAL_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
}
