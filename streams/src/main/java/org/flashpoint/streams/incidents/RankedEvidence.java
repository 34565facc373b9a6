package org.flashpoint.streams.incidents;

import java.util.Comparator;
import org.flashpoint.contracts.Evidence;

/**
 * An evidence quote with what ranks it: the analyzer's confidence, then the strength of the event.
 *
 * @param evidence    the quote and its origin
 * @param confidence  confidence of the mention, 0..1
 * @param strength    absolute event weight
 */
public record RankedEvidence(Evidence evidence, double confidence, double strength) {

    /** Best first; publication time and article id break ties so the order never depends on arrival. */
    static final Comparator<RankedEvidence> BEST_FIRST = Comparator
            .comparingDouble(RankedEvidence::confidence).reversed()
            .thenComparing(Comparator.comparingDouble(RankedEvidence::strength).reversed())
            .thenComparing(r -> r.evidence().published(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.evidence().articleId());
}
