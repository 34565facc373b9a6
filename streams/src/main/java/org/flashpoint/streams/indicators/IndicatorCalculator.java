package org.flashpoint.streams.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/**
 * Adds one article's activity to a dyad's event-time buckets and computes the indicators of the windows containing
 * them; a window is the sum of the buckets it spans, so a 7-day window advancing daily costs no write of its own.
 * Pure apart from the store it is handed; event time comes with the activity.
 *
 * <p>Each dyad has its own clock, the latest event time seen for it, so lateness does not depend on which other
 * dyads share a partition: a window closed when the clock passed its end plus the grace period, and later updates
 * to it are counted as late instead of applied.
 */
public final class IndicatorCalculator {

    private final IndicatorSettings settings;
    /** Per bucket size (the families' advance), the longest window built from it, in milliseconds. */
    private final Map<Duration, Long> longestByAdvance = new LinkedHashMap<>();

    public IndicatorCalculator(IndicatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        for (WindowSpec spec : settings.windows()) {
            longestByAdvance.merge(spec.advance(), spec.size().toMillis(), Math::max);
        }
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
        long now = clock.toEpochMilli();
        long grace = settings.grace().toMillis();
        Map<String, DyadIndicator> latest = new LinkedHashMap<>(state == null ? Map.of() : state.latest());
        Map<String, SortedMap<Long, Double>> tensions = new LinkedHashMap<>();
        Map<String, SortedSet<Long>> buckets = new LinkedHashMap<>();
        Map<Duration, Set<Long>> touchedBuckets = new HashMap<>();
        longestByAdvance.forEach((advance, longest) -> {
            // The window that starts with a bucket is the last of those containing it to close; after that the
            // bucket can change no indicator.
            long openFrom = now - longest - grace + 1;
            TreeSet<Long> kept = new TreeSet<>(state == null
                    ? Set.of() : state.buckets().getOrDefault(advance.toString(), Collections.emptySortedSet()));
            touchedBuckets.put(advance, addToBuckets(store, activity, advance, openFrom, kept));
            SortedSet<Long> expired = kept.headSet(openFrom);
            expired.forEach(start -> store.removeBucket(dyad, advance, Instant.ofEpochMilli(start)));
            expired.clear();
            buckets.put(advance.toString(), kept);
        });
        List<DyadIndicator> emitted = new ArrayList<>();
        int late = 0;
        // Consecutive windows share buckets: each is read once per update, not once per window containing it.
        Map<Duration, Map<Long, WindowAggregate>> bucketsRead = new HashMap<>();
        Map<WindowAggregate, WindowAggregate.Totals> totals = new IdentityHashMap<>();
        for (WindowSpec spec : settings.windows()) {
            Map<Long, WindowAggregate> read = bucketsRead.computeIfAbsent(spec.advance(), advance -> new HashMap<>());
            long size = spec.size().toMillis();
            long step = spec.advance().toMillis();
            // Baselines reach back baselineWindows sizes before the oldest window that can still change.
            long keptFrom = now - size * (settings.baselineWindows() + 2L) - grace;
            TreeMap<Long, Double> series = new TreeMap<>(state == null
                    ? Map.of() : state.tensions().getOrDefault(spec.size().toString(), Collections.emptySortedMap()));
            // The current value of a window family is its window ending soonest after the clock: for 7 days
            // advancing daily that is the last seven days, not the week that starts today.
            long current = spec.startsContaining(clock).get(0).toEpochMilli();
            SortedSet<Long> windows = new TreeSet<>();
            for (long bucket : touchedBuckets.get(spec.advance())) {
                spec.startsContaining(Instant.ofEpochMilli(bucket)).forEach(start -> windows.add(start.toEpochMilli()));
            }
            for (long start : windows) {
                if (now >= start + size + grace) {
                    late++;
                    continue;
                }
                List<WindowAggregate> parts = new ArrayList<>();
                for (long bucket = start; bucket < start + size; bucket += step) {
                    WindowAggregate part = read.computeIfAbsent(bucket, b -> Objects.requireNonNullElse(
                            store.bucket(dyad, spec.advance(), Instant.ofEpochMilli(b)), WindowAggregate.EMPTY));
                    if (part != WindowAggregate.EMPTY) {
                        parts.add(part);
                    }
                }
                WindowAggregate.Totals window = totals.computeIfAbsent(WindowAggregate.of(parts),
                        content -> content.totals(settings.topIncidents()));
                series.put(start, window.tension());
                DyadIndicator indicator = indicator(series, dyad, spec.size(), start, window);
                store.putIndicator(indicator);
                emitted.add(indicator);
                if (start == current) {
                    latest.put(spec.size().toString(), indicator);
                }
            }
            series.headMap(keptFrom).clear();
            tensions.put(spec.size().toString(), series);
        }
        store.putDyad(dyad, new DyadState(clock, latest, tensions, buckets));
        return new Update(emitted, late);
    }

    /**
     * Adds the activity to the buckets of one size: the article where it was published, each incident where it
     * happened, so a recap of last week's strike does not make today tense, and a report on yesterday's strike updates
     * yesterday (within grace). Buckets starting before {@code openFrom} are left alone.
     *
     * @param kept  starts of the kept buckets; updated ones are added
     * @return starts of every bucket the activity falls in, updated or too old
     */
    private Set<Long> addToBuckets(IndicatorStore store, DyadActivity activity, Duration size, long openFrom,
                                   SortedSet<Long> kept) {
        long step = size.toMillis();
        long articleBucket = Math.floorDiv(activity.eventTime().toEpochMilli(), step) * step;
        SortedMap<Long, Map<String, Contribution>> touched = new TreeMap<>();
        touched.put(articleBucket, new LinkedHashMap<>());
        for (Incident incident : activity.incidents()) {
            long happened = incident.eventDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            touched.computeIfAbsent(Math.floorDiv(happened, step) * step, b -> new LinkedHashMap<>()).put(incident.id(),
                    Contribution.of(incident, settings.visitKinds().contains(incident.kind())));
        }
        for (Map.Entry<Long, Map<String, Contribution>> bucket : touched.entrySet()) {
            Instant start = Instant.ofEpochMilli(bucket.getKey());
            if (bucket.getKey() >= openFrom) {
                WindowAggregate before = store.bucket(activity.dyad(), size, start);
                WindowAggregate after = (before == null ? WindowAggregate.EMPTY : before)
                        .with(bucket.getKey() == articleBucket ? activity.articleId() : null, bucket.getValue());
                store.putBucket(activity.dyad(), size, start, after);
                kept.add(bucket.getKey());
            }
        }
        return touched.keySet();
    }

    private DyadIndicator indicator(SortedMap<Long, Double> series, Dyad dyad, Duration size, long start,
                                    WindowAggregate.Totals window) {
        double[] history = new double[settings.baselineWindows()];
        boolean anyHistory = false;
        for (int k = 1; k <= history.length; k++) {
            Double earlier = series.get(start - k * size.toMillis());
            if (earlier != null) {
                history[k - 1] = earlier;
                anyHistory = true;
            }
        }
        double mean = java.util.Arrays.stream(history).average().orElse(0);
        double variance = java.util.Arrays.stream(history).map(h -> (h - mean) * (h - mean)).average().orElse(0);
        double deviation = Math.sqrt(variance);
        double tension = window.tension();
        double z = anyHistory ? (tension - mean) / Math.max(deviation, settings.minDeviation()) : 0;
        Instant from = Instant.ofEpochMilli(start);
        return new DyadIndicator(dyad, size, from, from.plus(size),
                round(window.escalation()), round(window.deEscalation()), round(tension),
                window.articles(), window.incidents(), window.borderIncidents(), window.visits(), window.killed(),
                window.independentSources(), round(mean), round(deviation), round(z), window.topIncidents());
    }

    /** Four decimals are plenty for a tension score and keep the published JSON readable. */
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
