package org.flashpoint.streams.indicators;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.flashpoint.contracts.DyadIndicator;

/**
 * Per-dyad bookkeeping: the dyad's own event-time clock, which decides lateness, and per window size the indicator of
 * the window ending soonest after the clock, which is the dyad's current tension.
 *
 * @param clock   latest event time seen for the dyad
 * @param latest  window size (ISO-8601) to the current indicator of that size
 */
public record DyadState(Instant clock, Map<String, DyadIndicator> latest) {

    public DyadState {
        latest = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(latest == null ? Map.of() : latest));
    }
}
