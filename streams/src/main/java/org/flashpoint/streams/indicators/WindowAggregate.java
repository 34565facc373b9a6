package org.flashpoint.streams.indicators;

import java.util.Collections;
import java.util.Comparator;
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
        articles = List.copyOf(sortedAndDistinct(articles) ? articles : new TreeSet<>(articles));
    }

    private static boolean sortedAndDistinct(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) {
                return false;
            }
        }
        return true;
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

    /**
     * What an indicator reports of this content. Windows of one update often hold the very same aggregate (a day's
     * bucket is its daily window and, in a quiet week, each 7-day window containing it), so callers compute it once.
     */
    Totals totals(int topIncidents) {
        double escalation = incidents.values().stream().filter(c -> c.weight() < 0).mapToDouble(Contribution::salience).sum();
        double deEscalation = incidents.values().stream().filter(c -> c.weight() > 0).mapToDouble(Contribution::salience).sum();
        int border = 0;
        int visits = 0;
        int killed = 0;
        int independentSources = 0;
        for (Contribution c : incidents.values()) {
            border += c.border() ? 1 : 0;
            visits += c.visit() ? 1 : 0;
            killed += c.killed();
            independentSources += c.independentSources();
        }
        List<String> top = incidents.entrySet().stream().sorted(MOST_SALIENT_FIRST).limit(topIncidents)
                .map(Map.Entry::getKey).toList();
        return new Totals(escalation, deEscalation, articles.size(), incidents.size(), border, visits, killed,
                independentSources, top);
    }

    private static final Comparator<Map.Entry<String, Contribution>> MOST_SALIENT_FIRST = Comparator
            .comparingDouble((Map.Entry<String, Contribution> e) -> e.getValue().salience()).reversed()
            .thenComparing(Map.Entry::getKey);

    /**
     * Sums and counts of a window's content.
     *
     * @param topIncidents  the most salient incidents' ids, at most as many as asked for
     */
    record Totals(double escalation, double deEscalation, int articles, int incidents, int borderIncidents, int visits,
                  int killed, int independentSources, List<String> topIncidents) {

        double tension() {
            return escalation - deEscalation;
        }
    }
}
