package org.flashpoint.streams.incidents;

import java.time.Instant;
import java.util.List;

/**
 * The incidents of one dyad that new reports can still join, oldest first: only what matching needs, so reading and
 * writing it per article stays cheap however heavily the incidents are covered. Each one's reports and quotes are
 * kept apart, by incident id ({@link OpenIncidents#incident}).
 *
 * @param open            incidents in the working set
 * @param newestReport    latest event time of any report seen for the dyad, null before the first
 */
public record DyadIncidents(List<OpenIncident> open, Instant newestReport) {

    public static final DyadIncidents EMPTY = new DyadIncidents(List.of(), null);

    public DyadIncidents {
        open = open == null ? List.of() : List.copyOf(open);
    }
}
