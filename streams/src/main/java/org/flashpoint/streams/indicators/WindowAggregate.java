package org.flashpoint.streams.indicators;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content of one dyad's window: each incident that happened in it (once, at its latest state) and the articles
 * published in it.
 * Sorted so sums are taken in one order on every run.
 *
 * @param incidents  incident id to contribution
 * @param articles   ids of the articles published in the window, sorted
 */
public record WindowAggregate(Map<String, Contribution> incidents, List<String> articles) {

    public static final WindowAggregate EMPTY = new WindowAggregate(Map.of(), List.of());

    public WindowAggregate {
        incidents = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(incidents));
        articles = List.copyOf(new TreeSet<>(articles));
    }

    /** This window with the incidents' latest contributions, and the article when it was published in the window. */
    WindowAggregate with(String articleId, Map<String, Contribution> updates) {
        Map<String, Contribution> merged = new TreeMap<>(incidents);
        merged.putAll(updates);
        TreeSet<String> ids = new TreeSet<>(articles);
        if (articleId != null) {
            ids.add(articleId);
        }
        return new WindowAggregate(merged, List.copyOf(ids));
    }

    double escalation() {
        return incidents.values().stream().filter(c -> c.weight() < 0).mapToDouble(Contribution::salience).sum();
    }

    double deEscalation() {
        return incidents.values().stream().filter(c -> c.weight() > 0).mapToDouble(Contribution::salience).sum();
    }

    double tension() {
        return escalation() - deEscalation();
    }
}
