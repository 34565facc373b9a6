package org.flashpoint.streams.indicators;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content of one dyad's window: each incident reported in it (once, at its latest state) and the articles seen.
 * Sorted so sums are taken in one order on every run.
 *
 * @param incidents  incident id to contribution
 * @param articles   article ids, sorted
 */
public record WindowAggregate(Map<String, Contribution> incidents, List<String> articles) {

    public static final WindowAggregate EMPTY = new WindowAggregate(Map.of(), List.of());

    public WindowAggregate {
        incidents = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(incidents));
        articles = List.copyOf(new TreeSet<>(articles));
    }

    WindowAggregate with(String articleId, Map<String, Contribution> updates) {
        Map<String, Contribution> merged = new TreeMap<>(incidents);
        merged.putAll(updates);
        TreeSet<String> ids = new TreeSet<>(articles);
        ids.add(articleId);
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
