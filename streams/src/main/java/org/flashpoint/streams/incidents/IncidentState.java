package org.flashpoint.streams.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.flashpoint.contracts.Incident;

/**
 * An open incident with what merging needs beyond the published {@link Incident}.
 *
 * @param incident   the incident as last published
 * @param actor      acting state when any report named one, else null
 * @param target     target state when any report named one, else null
 * @param placeState state of the first province or border region a report named, else null
 * @param firstDate  earliest event date reported
 * @param lastDate   latest event date reported
 * @param reports    every report, in arrival order; only the first {@link #MAX_FINGERPRINTED_REPORTS} keep their
 *                   text fingerprint
 * @param quotes     the best quotes, best first, at most one per article
 *                   ({@link IncidentSettings#evidenceQuotes()} of them)
 */
public record IncidentState(Incident incident, String actor, String target, String placeState, LocalDate firstDate,
                            LocalDate lastDate,
                            List<Report> reports, List<RankedEvidence> quotes) {

    /**
     * Reports of one incident that keep their text fingerprint (about 0.35 KB each as JSON). Enough to tell syndicated
     * copies apart among the reports that decide an incident's weight; later reports count as independent per outlet.
     */
    public static final int MAX_FINGERPRINTED_REPORTS = 32;

    public IncidentState {
        Objects.requireNonNull(incident, "incident");
        reports = List.copyOf(reports);
        quotes = List.copyOf(quotes);
    }

    public String id() {
        return incident.id();
    }
}
