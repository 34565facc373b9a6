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
 * @param places              provinces or border regions the reports name, as first written, at most five
 * @param eventDate           date of the event
 * @param firstSeen           publication time of the first report
 * @param lastSeen            publication time of the latest report
 * @param articles            ids of the first reports, at most {@link #MAX_ARTICLE_IDS}
 * @param reports             number of articles that reported it
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
        List<String> places,
        LocalDate eventDate,
        Instant firstSeen,
        Instant lastSeen,
        List<String> articles,
        int reports,
        List<String> sources,
        int independentSources,
        Integer killed,
        double weight,
        List<Evidence> evidence) {

    /** A heavily covered incident keeps counting reports but lists only this many ids, so its record stays small. */
    public static final int MAX_ARTICLE_IDS = 100;

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(kind, "kind");
        places = places == null ? List.of() : List.copyOf(places);
        articles = articles == null ? List.of() : List.copyOf(articles);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
