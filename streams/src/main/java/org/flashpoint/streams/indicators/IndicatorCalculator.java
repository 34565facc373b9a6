package org.flashpoint.streams.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/**
 * Updates the event-time windows of a dyad with one article's activity and computes their indicators. Pure apart from
 * the store it is handed; event time comes with the activity.
 *
 * <p>Each dyad has its own clock, the latest event time seen for it, so lateness does not depend on which other
 * dyads share a partition: a window closed when the clock passed its end plus the grace period, and later updates
 * to it are counted as late instead of applied.
 */
public final class IndicatorCalculator {

    private final IndicatorSettings settings;

    public IndicatorCalculator(IndicatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public IndicatorSettings settings() {
        return settings;
    }

    /**
     * The outcome of one update.
     *
     * @param indicators   indicators of the windows the article (by publication) or its incidents (by event date)
         *                     fall in, open ones only, by window family then start
     * @param lateWindows  windows the article or its incidents belonged to that had already closed
     */
    public record Update(List<DyadIndicator> indicators, int lateWindows) {

        /** True when the article missed at least one of its windows. */
        public boolean late() {
            return lateWindows > 0;
        }
    }

    public Update update(IndicatorStore store, DyadActivity activity) {
        Dyad dyad = activity.dyad();
        Instant time = activity.eventTime();
        DyadState state = store.dyad(dyad);
        Instant clock = state == null || time.isAfter(state.clock()) ? time : state.clock();
        Map<String, DyadIndicator> latest = new LinkedHashMap<>(state == null ? Map.of() : state.latest());
        Map<String, SortedMap<Long, Double>> tensions = new LinkedHashMap<>();
        List<DyadIndicator> emitted = new ArrayList<>();
        int late = 0;
        for (WindowSpec spec : settings.windows()) {
            Duration size = spec.size();
            // Baselines reach back baselineWindows sizes before the oldest window that can still change.
            Instant keptFrom = clock.minus(size.multipliedBy(settings.baselineWindows() + 2L).plus(settings.grace()));
            TreeMap<Long, Double> series = new TreeMap<>(state == null
                    ? Map.of() : state.tensions().getOrDefault(size.toString(), Collections.emptySortedMap()));
            // The article counts where it was published; each incident where it happened, so a recap of last week's
            // strike does not make today tense, and a report on yesterday's strike updates yesterday (within grace).
            List<Instant> articleWindows = spec.startsContaining(time);
            Instant current = spec.startsContaining(clock).get(0);
            SortedMap<Instant, Map<String, Contribution>> touched = new TreeMap<>();
            for (Instant start : articleWindows) {
                touched.put(start, new LinkedHashMap<>());
            }
            for (Incident incident : activity.incidents()) {
                Instant happened = incident.eventDate().atStartOfDay(ZoneOffset.UTC).toInstant();
                for (Instant start : spec.startsContaining(happened)) {
                    touched.computeIfAbsent(start, s -> new LinkedHashMap<>()).put(incident.id(),
                            Contribution.of(incident, settings.visitKinds().contains(incident.kind())));
                }
            }
            for (Map.Entry<Instant, Map<String, Contribution>> window : touched.entrySet()) {
                Instant start = window.getKey();
                if (!clock.isBefore(start.plus(size).plus(settings.grace()))) {
                    late++;
                    continue;
                }
                WindowAggregate before = store.window(dyad, size, start);
                WindowAggregate after = (before == null ? WindowAggregate.EMPTY : before)
                        .with(articleWindows.contains(start) ? activity.articleId() : null, window.getValue());
                store.putWindow(dyad, size, start, after);
                series.put(start.toEpochMilli(), after.tension());
                DyadIndicator indicator = indicator(series, dyad, size, start, after);
                store.putIndicator(indicator);
                emitted.add(indicator);
                // The current value of a window family is its window ending soonest after the clock: for 7 days
                // advancing daily that is the last seven days, not the week that starts today.
                if (start.equals(current)) {
                    latest.put(size.toString(), indicator);
                }
            }
            // The series lists every kept window, so the expired ones are deleted by key, without a range scan.
            SortedMap<Long, Double> expired = series.headMap(keptFrom.toEpochMilli());
            expired.keySet().forEach(start -> store.removeWindow(dyad, size, Instant.ofEpochMilli(start)));
            tensions.put(size.toString(), series.tailMap(keptFrom.toEpochMilli()));
        }
        store.putDyad(dyad, new DyadState(clock, latest, tensions));
        return new Update(emitted, late);
    }

    private DyadIndicator indicator(SortedMap<Long, Double> series, Dyad dyad, Duration size, Instant start,
                                    WindowAggregate agg) {
        double[] history = new double[settings.baselineWindows()];
        boolean anyHistory = false;
        for (int k = 1; k <= history.length; k++) {
            Double earlier = series.get(start.minus(size.multipliedBy(k)).toEpochMilli());
            if (earlier != null) {
                history[k - 1] = earlier;
                anyHistory = true;
            }
        }
        double mean = java.util.Arrays.stream(history).average().orElse(0);
        double variance = java.util.Arrays.stream(history).map(h -> (h - mean) * (h - mean)).average().orElse(0);
        double deviation = Math.sqrt(variance);
        double tension = agg.tension();
        double z = anyHistory ? (tension - mean) / Math.max(deviation, settings.minDeviation()) : 0;
        List<Map.Entry<String, Contribution>> ranked = agg.incidents().entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Contribution> e) -> e.getValue().salience()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        return new DyadIndicator(dyad, size, start, start.plus(size),
                round(agg.escalation()), round(agg.deEscalation()), round(tension),
                agg.articles().size(),
                agg.incidents().size(),
                (int) agg.incidents().values().stream().filter(Contribution::border).count(),
                (int) agg.incidents().values().stream().filter(Contribution::visit).count(),
                agg.incidents().values().stream().mapToInt(Contribution::killed).sum(),
                agg.incidents().values().stream().mapToInt(Contribution::independentSources).sum(),
                round(mean), round(deviation), round(z),
                ranked.stream().limit(settings.topIncidents()).map(Map.Entry::getKey).toList());
    }

    /** Four decimals are plenty for a tension score and keep the published JSON readable. */
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
