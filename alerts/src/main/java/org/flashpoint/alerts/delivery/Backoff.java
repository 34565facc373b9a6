package org.flashpoint.alerts.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a webhook is retried: attempt 1 at once, then waits of {@code initial}, 2×, 4×… capped
 * at {@code max}, until {@code maxAttempts} attempts have failed.
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("webhook max attempts must be at least 1, got " + maxAttempts);
        }
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("webhook backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        // Doubling stops at the cap before it can overflow.
        Duration delay = initial;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
