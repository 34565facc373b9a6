package org.flashpoint.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flashpoint.alerts.rules.DyadView;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/**
 * What the rules need to know about one dyad: its indicator windows that can still be current, its recent incidents,
 * and its evaluation clock. Immutable; the evaluator replaces it on every record.
 *
 * @param dyad       the pair of states
 * @param clock      latest evaluation time, null before the first record
 * @param windows    the latest version of each indicator window that has not ended yet, by size then start
 * @param incidents  latest version of each incident reported within the rules' look-back, by first report
 * @param held       the evaluation at {@code clock} waits for incidents its windows name (see {@link AlertEngine})
 */
public record DyadHistory(Dyad dyad, Instant clock, List<DyadIndicator> windows, List<Incident> incidents, boolean held)
        implements DyadView {

    public DyadHistory {
        Objects.requireNonNull(dyad, "dyad");
        windows = List.copyOf(windows);
        incidents = List.copyOf(incidents);
    }

    public static DyadHistory empty(Dyad dyad) {
        return new DyadHistory(dyad, null, List.of(), List.of(), false);
    }

    @Override
    public DyadIndicator indicator(Duration size, Instant at) {
        return windows.stream()
                .filter(w -> w.window().equals(size) && !w.windowStart().isAfter(at) && w.windowEnd().isAfter(at))
                .min(Comparator.comparing(DyadIndicator::windowEnd))
                .orElse(null);
    }

    @Override
    public Incident incident(String id) {
        return incidents.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * With a new version of a window; sizes no rule reads are not kept. Versions can arrive out of order between the
     * roles, and a window only ever gains articles, so a version with fewer articles than the one held is stale.
     */
    DyadHistory with(DyadIndicator indicator, Set<Duration> sizes) {
        if (!sizes.contains(indicator.window())) {
            return this;
        }
        boolean stale = windows.stream().anyMatch(w -> w.window().equals(indicator.window())
                && w.windowStart().equals(indicator.windowStart()) && w.articles() > indicator.articles());
        if (stale) {
            return this;
        }
        List<DyadIndicator> next = new ArrayList<>(windows);
        next.removeIf(w -> w.window().equals(indicator.window()) && w.windowStart().equals(indicator.windowStart()));
        next.add(indicator);
        next.sort(Comparator.comparing(DyadIndicator::window).thenComparing(DyadIndicator::windowStart));
        return new DyadHistory(dyad, clock, next, incidents, held);
    }

    /** With a new version of an incident, kept in the place of its first version; one with fewer reports is stale. */
    DyadHistory with(Incident incident) {
        List<Incident> next = new ArrayList<>(incidents);
        int at = next.stream().map(Incident::id).toList().indexOf(incident.id());
        if (at >= 0 && next.get(at).articles().size() > incident.articles().size()) {
            return this;
        }
        if (at >= 0) {
            next.set(at, incident);
        } else {
            next.add(incident);
        }
        return new DyadHistory(dyad, clock, windows, next, held);
    }

    /** At a new clock, without windows that ended and incidents older than {@code lookback}. */
    DyadHistory at(Instant newClock, Duration lookback) {
        Instant oldest = newClock.minus(lookback);
        return new DyadHistory(dyad, newClock,
                windows.stream().filter(w -> w.windowEnd().isAfter(newClock)).toList(),
                incidents.stream().filter(i -> i.lastSeen() == null || !i.lastSeen().isBefore(oldest)).toList(), held);
    }

    DyadHistory holding(boolean hold) {
        return hold == held ? this : new DyadHistory(dyad, clock, windows, incidents, hold);
    }

    /** True when a current window of one of {@code sizes} names an incident not received yet. */
    boolean missesIncidents(Set<Duration> sizes, Instant at) {
        return sizes.stream().map(size -> indicator(size, at)).filter(java.util.Objects::nonNull)
                .flatMap(w -> w.topIncidents().stream())
                .anyMatch(id -> incident(id) == null);
    }
}
