package org.flashpoint.streams.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.flashpoint.contracts.Evidence;
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
 *                   ({@link IncidentSettings#evidenceQuotes()} of them); the incident's evidence is their evidence
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

    /**
     * How the state is stored: the incident without its evidence, which repeats the quotes' and was a fifth of every
     * write of an open incident. State stored with the evidence still reads.
     */
    record Stored(Incident incident, String actor, String target, String placeState, LocalDate firstDate,
                  LocalDate lastDate, List<Report> reports, List<RankedEvidence> quotes) {
    }

    @JsonValue
    Stored stored() {
        return new Stored(withEvidence(incident, List.of()), actor, target, placeState, firstDate, lastDate, reports, quotes);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IncidentState fromStored(Stored stored) {
        List<Evidence> evidence = stored.quotes().stream().map(RankedEvidence::evidence).toList();
        return new IncidentState(withEvidence(stored.incident(), evidence), stored.actor(), stored.target(),
                stored.placeState(), stored.firstDate(), stored.lastDate(), stored.reports(), stored.quotes());
    }

    private static Incident withEvidence(Incident i, List<Evidence> evidence) {
        return new Incident(i.id(), i.dyad(), i.kind(), i.direction(), i.borderIncident(), i.places(), i.eventDate(),
                i.firstSeen(), i.lastSeen(), i.articles(), i.reports(), i.sources(), i.independentSources(), i.killed(),
                i.weight(), evidence);
    }
}
