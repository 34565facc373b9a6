package org.flashpoint.streams.topology;

import java.time.Duration;
import java.time.Instant;
import org.flashpoint.contracts.Dyad;

/**
 * Keys of the per-window stores: {@code IRN-PAK|PT24H|<start millis, 15 digits>}, so one dyad's windows of one size
 * are a contiguous, time-ordered key range.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    public static String window(Dyad dyad, Duration size, Instant start) {
        return prefix(dyad, size) + String.format("%015d", Math.max(0, start.toEpochMilli()));
    }

    public static String prefix(Dyad dyad, Duration size) {
        return dyad + "|" + size + "|";
    }
}
