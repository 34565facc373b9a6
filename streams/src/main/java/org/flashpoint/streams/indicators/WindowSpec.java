package org.flashpoint.streams.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event-time window family aligned to the epoch (UTC midnight for whole days): windows of {@code size} starting
 * every {@code advance}; tumbling when both are equal.
 *
 * @param size     window length
 * @param advance  distance between window starts; divides {@code size}
 */
public record WindowSpec(Duration size, Duration advance) {

    public WindowSpec {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(advance, "advance");
        if (size.isZero() || size.isNegative() || advance.isZero() || advance.isNegative()
                || size.toMillis() % advance.toMillis() != 0) {
            throw new IllegalArgumentException("a window needs a positive size that is a multiple of its positive advance: "
                    + size + " / " + advance);
        }
    }

    public static WindowSpec tumbling(Duration size) {
        return new WindowSpec(size, size);
    }

    /** Starts of every window containing {@code time}, earliest first. */
    public List<Instant> startsContaining(Instant time) {
        long t = time.toEpochMilli();
        long step = advance.toMillis();
        long last = Math.floorDiv(t, step) * step;
        List<Instant> starts = new ArrayList<>();
        for (long s = last - size.toMillis() + step; s <= last; s += step) {
            starts.add(Instant.ofEpochMilli(s));
        }
        return starts;
    }

    /** Parses {@code "P1D"} (tumbling) or {@code "P7D/P1D"} (size/advance). */
    public static WindowSpec parse(String text) {
        String[] parts = text.trim().split("/");
        Duration size = Duration.parse(parts[0].trim());
        return parts.length == 1 ? tumbling(size) : new WindowSpec(size, Duration.parse(parts[1].trim()));
    }
}
