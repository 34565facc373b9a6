package org.flashpoint.streams.indicators;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content of one dyad's bucket or window: each incident that happened in it (once, at its latest state) and the
 * articles published in it. Sorted so sums are taken in one order on every run.
 *
 * @param incidents  incident id to contribution
 * @param articles   ids of the articles published in it, sorted
 */
public record WindowAggregate(Map<String, Contribution> incidents, List<String> articles) {

    public static final WindowAggregate EMPTY = new WindowAggregate(Map.of(), List.of());

    public WindowAggregate {
        incidents = Collections.unmodifiableSortedMap(new TreeMap<>(incidents));
        articles = List.copyOf(new TreeSet<>(articles));
    }

    /** This bucket with the incidents' latest contributions, and the article when it was published in the bucket. */
    WindowAggregate with(String articleId, Map<String, Contribution> updates) {
        Map<String, Contribution> merged = new TreeMap<>(incidents);
        merged.putAll(updates);
        TreeSet<String> ids = new TreeSet<>(articles);
        if (articleId != null) {
            ids.add(articleId);
        }
        return new WindowAggregate(merged, List.copyOf(ids));
    }

    /**
     * A window made of consecutive buckets. An incident whose reported date moved lies in two buckets; the window
     * counts it once, at its later state (more reports).
     */
    static WindowAggregate of(List<WindowAggregate> buckets) {
        if (buckets.size() == 1) {
            return buckets.get(0);
        }
        Map<String, Contribution> incidents = new TreeMap<>();
        TreeSet<String> articles = new TreeSet<>();
        for (WindowAggregate bucket : buckets) {
            bucket.incidents.forEach((id, contribution) -> incidents.merge(id, contribution,
                    (kept, other) -> other.reports() > kept.reports() ? other : kept));
            articles.addAll(bucket.articles);
        }
        return new WindowAggregate(incidents, List.copyOf(articles));
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
