package org.flashpoint.streams.incidents;

import java.time.Duration;
import java.util.Objects;

/**
 * When two event mentions are the same real-world incident.
 *
 * @param mergeGap                  mentions whose event dates lie within this gap of an incident's dates can join it
 * @param staleAfter                an asserted mention dated this long before its article is background, not news;
 *                                  incidents not reported for this long (plus the gap) leave the working set
 * @param casualtyRatio             two stated tolls are compatible when (max+1)/(min+1) is at most this; only
 *                                  consulted when an actor is unknown
 * @param nearDuplicateContainment  texts sharing at least this share of shingles are one independent source
 * @param evidenceQuotes            quotes kept per incident, at most one per article
 * @param minConfidence             mentions below this confidence are ignored
 */
public record IncidentSettings(Duration mergeGap, Duration staleAfter, double casualtyRatio,
                               double nearDuplicateContainment, int evidenceQuotes, double minConfidence) {

    public static final IncidentSettings DEFAULTS =
            new IncidentSettings(Duration.ofDays(1), Duration.ofDays(14), 3.0, 0.4, 3, 0.0);

    public IncidentSettings {
        Objects.requireNonNull(mergeGap, "mergeGap");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (mergeGap.isNegative() || staleAfter.isNegative()) {
            throw new IllegalArgumentException("mergeGap and staleAfter must not be negative");
        }
        if (casualtyRatio < 1) {
            throw new IllegalArgumentException("casualtyRatio must be at least 1, got " + casualtyRatio);
        }
        if (nearDuplicateContainment <= 0 || nearDuplicateContainment > 1) {
            throw new IllegalArgumentException("nearDuplicateContainment must be in (0, 1], got " + nearDuplicateContainment);
        }
        if (evidenceQuotes < 1) {
            throw new IllegalArgumentException("evidenceQuotes must be at least 1, got " + evidenceQuotes);
        }
    }
}
