package org.flashpoint.analysis.evaluation;

import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Labels;

/**
 * One labeled article in the LABELING.md format: the article as the analyzer sees it, and the expected answer.
 *
 * @param file where it was read from, for messages
 */
public record LabeledCase(String id, String file, Article article, List<Dyad> dyads, Labels labels, Direction direction,
                          Integer killed) {

    public LabeledCase {
        dyads = List.copyOf(dyads);
    }

    /** LABELING.md's negatives: direction NEUTRAL and no dyads. */
    public boolean negative() {
        return direction == Direction.NEUTRAL && dyads.isEmpty();
    }
}
