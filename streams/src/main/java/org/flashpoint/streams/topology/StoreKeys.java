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
        // Zero-padded by hand: String.format was a visible share of the indicator step's time.
        String millis = Long.toString(Math.max(0, start.toEpochMilli()));
        return prefix(dyad, size) + "0".repeat(Math.max(0, 15 - millis.length())) + millis;
    }

    public static String prefix(Dyad dyad, Duration size) {
        return dyad + "|" + size + "|";
    }
}
