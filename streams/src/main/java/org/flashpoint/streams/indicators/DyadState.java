package org.flashpoint.streams.indicators;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flashpoint.contracts.DyadIndicator;

/**
 * Per-dyad bookkeeping: the dyad's own event-time clock, which decides lateness; per window size the indicator of
 * the window ending soonest after the clock, which is the dyad's current tension; per window size the tension of
 * every window still kept, so a baseline is read from one record instead of one store lookup per earlier window; and
 * the starts of the buckets kept, so expired ones are deleted by key.
 *
 * @param clock     latest event time seen for the dyad
 * @param latest    window size (ISO-8601) to the current indicator of that size
 * @param tensions  window size (ISO-8601) to window start (epoch millis) to the window's tension
 * @param buckets   bucket size (ISO-8601) to the starts (epoch millis) of the kept buckets
 */
public record DyadState(Instant clock, Map<String, DyadIndicator> latest, Map<String, SortedMap<Long, Double>> tensions,
                        Map<String, SortedSet<Long>> buckets) {

    public DyadState {
        latest = Collections.unmodifiableSortedMap(new TreeMap<>(latest == null ? Map.of() : latest));
        TreeMap<String, SortedMap<Long, Double>> series = new TreeMap<>();
        if (tensions != null) {
            tensions.forEach((size, values) -> series.put(size, Collections.unmodifiableSortedMap(new TreeMap<>(values))));
        }
        tensions = Collections.unmodifiableSortedMap(series);
        TreeMap<String, SortedSet<Long>> starts = new TreeMap<>();
        if (buckets != null) {
            buckets.forEach((size, kept) -> starts.put(size, Collections.unmodifiableSortedSet(new TreeSet<>(kept))));
        }
        buckets = Collections.unmodifiableSortedMap(starts);
    }
}
