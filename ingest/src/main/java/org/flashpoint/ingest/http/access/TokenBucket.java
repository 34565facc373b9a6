package org.flashpoint.ingest.http.access;

/**
 * A token bucket holding up to {@code burst} tokens, refilled at {@code perSecond}; each admitted request takes one.
 * Kept as the time at which the bucket would be full again (the GCRA form of the same bucket), so all arithmetic is
 * on whole nanoseconds. Time is an argument (nanoseconds on any monotonic clock), so tests give explicit times.
 */
public final class TokenBucket {

    /** Slowest rate accepted: one request in 1,000 s keeps the nanosecond arithmetic far from overflow. */
    static final double MIN_PER_SECOND = 0.001;

    private final long interval;
    private final long tolerance;
    private long fullAt;

    /** Starts full at {@code now}. */
    public TokenBucket(double perSecond, double burst, long now) {
        requireValid(perSecond, burst);
        this.interval = Math.max(1, Math.round(1e9 / perSecond));
        this.tolerance = Math.round((burst - 1) * interval);
        this.fullAt = now;
    }

    static void requireValid(double perSecond, double burst) {
        if (!(perSecond >= MIN_PER_SECOND) || !(burst >= 1) || Double.isInfinite(perSecond) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("a rate limit needs a rate of at least " + MIN_PER_SECOND
                    + "/s and a burst of at least one, not " + perSecond + "/s with burst " + burst);
        }
    }

    /** Takes a token: 0 when one was there, else how many nanoseconds until one will be (nothing taken). */
    public synchronized long take(long now) {
        // A clock read on another thread may be a little behind the last one; that adds no tokens.
        long base = Math.max(fullAt, now);
        long wait = base - tolerance - now;
        if (wait > 0) {
            return wait;
        }
        fullAt = base + interval;
        return 0;
    }

    /** Full again: forgetting the bucket now changes nothing, since a new one starts full. */
    public synchronized boolean isFull(long now) {
        return fullAt <= now;
    }
}
