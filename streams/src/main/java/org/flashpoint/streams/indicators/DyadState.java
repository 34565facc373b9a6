package org.flashpoint.streams.indicators;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flashpoint.contracts.DyadIndicator;

/**
 * Per-dyad bookkeeping: the dyad's own event-time clock, which decides lateness; per window size the indicator of
 * the window ending soonest after the clock, which is the dyad's current tension; and per window size the tension of
 * every window still kept, so a baseline is read from one record instead of one store lookup per earlier window.
 *
 * @param clock     latest event time seen for the dyad
 * @param latest    window size (ISO-8601) to the current indicator of that size
 * @param tensions  window size (ISO-8601) to window start (epoch millis) to the window's tension
 */
public record DyadState(Instant clock, Map<String, DyadIndicator> latest, Map<String, SortedMap<Long, Double>> tensions) {

    public DyadState {
        latest = Collections.unmodifiableSortedMap(new TreeMap<>(latest == null ? Map.of() : latest));
        TreeMap<String, SortedMap<Long, Double>> copy = new TreeMap<>();
        if (tensions != null) {
            tensions.forEach((size, series) -> copy.put(size, Collections.unmodifiableSortedMap(new TreeMap<>(series))));
        }
        tensions = Collections.unmodifiableSortedMap(copy);
    }
}
