package org.flashpoint.streams.incidents;

import java.time.Instant;
import java.util.List;

/**
 * The incidents of one dyad that new reports can still join, oldest first.
 *
 * @param open            incidents in the working set
 * @param newestReport    latest event time of any report seen for the dyad, null before the first
 */
public record DyadIncidents(List<IncidentState> open, Instant newestReport) {

    public static final DyadIncidents EMPTY = new DyadIncidents(List.of(), null);

    public DyadIncidents {
        open = open == null ? List.of() : List.copyOf(open);
    }
}
