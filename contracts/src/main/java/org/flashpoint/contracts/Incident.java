package org.flashpoint.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One real-world event on a dyad, merged from every article that reports it. Published to the compacted
 * {@code incidents} topic, keyed by {@link #id()}; each update replaces the previous one.
 *
 * @param id                  stable id derived from dyad, kind and the first event date
 * @param dyad                the pair of states
 * @param kind                event type of the incident (e.g. {@code assault}, {@code consult})
 * @param direction           ESCALATION for conflictual kinds, DE_ESCALATION for cooperative ones
 * @param borderIncident      true when the incident happened at or across the border
 * @param eventDate           date of the event
 * @param firstSeen           publication time of the first report
 * @param lastSeen            publication time of the latest report
 * @param articles            ids of every article that reported it
 * @param sources             distinct outlets that reported it
 * @param independentSources  reports counted once per near-duplicate text cluster
 * @param killed              highest death toll reported, null when none
 * @param weight              strongest signed event weight reported
 * @param evidence            the best quotes, strongest first
 */
public record Incident(
        String id,
        Dyad dyad,
        String kind,
        Direction direction,
        boolean borderIncident,
        LocalDate eventDate,
        Instant firstSeen,
        Instant lastSeen,
        List<String> articles,
        List<String> sources,
        int independentSources,
        Integer killed,
        double weight,
        List<Evidence> evidence) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(kind, "kind");
        articles = articles == null ? List.of() : List.copyOf(articles);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
