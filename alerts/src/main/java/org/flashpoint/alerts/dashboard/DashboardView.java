package org.flashpoint.alerts.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/**
 * What the dashboard draws besides alerts: each dyad's tension per window over time, the incidents with their
 * evidence, and how far the feed has got. Fed from {@code incidents} and {@code indicators}; an update replaces the
 * earlier value of the same incident or window. Thread-safe.
 */
public final class DashboardView {

    /** One point of a tension line: the window's end and its tension. */
    public record Point(Instant at, double tension) {
    }

    /**
     * How far the feed has got.
     *
     * @param articles          distinct articles named by incidents so far
     * @param incidents         distinct incidents
     * @param indicatorUpdates  indicator records read
     * @param latestEventTime   the newest report time of any incident, null before the first
     */
    public record Progress(int articles, int incidents, long indicatorUpdates, Instant latestEventTime) {
    }

    /**
     * Everything the page needs for one dyad.
     *
     * @param progress   feed progress
     * @param dyads      every dyad seen, most incidents first
     * @param dyad       the dyad shown, null before any data
     * @param timeline   the dyad's tension per window length (ISO-8601, e.g. {@code P7D}), oldest point first
     * @param incidents  the dyad's incidents, newest event first, at most {@code limit}
     */
    public record Snapshot(Progress progress, List<String> dyads, String dyad, Map<String, List<Point>> timeline,
                           List<Incident> incidents) {
    }

    private final Map<String, Incident> incidents = new HashMap<>();
    private final Set<String> articles = new HashSet<>();
    private final Map<Dyad, Map<Duration, TreeMap<Instant, Double>>> tension = new HashMap<>();
    private long indicatorUpdates;
    private Instant latestEventTime;

    public synchronized void accept(Incident incident) {
        incidents.put(incident.id(), incident);
        articles.addAll(incident.articles());
        if (incident.lastSeen() != null && (latestEventTime == null || incident.lastSeen().isAfter(latestEventTime))) {
            latestEventTime = incident.lastSeen();
        }
    }

    public synchronized void accept(DyadIndicator indicator) {
        indicatorUpdates++;
        if (indicator.windowEnd() != null) {
            tension.computeIfAbsent(indicator.dyad(), d -> new HashMap<>())
                    .computeIfAbsent(indicator.window(), w -> new TreeMap<>())
                    .put(indicator.windowEnd(), indicator.tension());
        }
    }

    /** The page's data for {@code dyad}, or for the dyad with most incidents when it is null. */
    public synchronized Snapshot snapshot(Dyad dyad, int limit) {
        Map<Dyad, Long> perDyad = new HashMap<>();
        incidents.values().forEach(i -> perDyad.merge(i.dyad(), 1L, Long::sum));
        tension.keySet().forEach(d -> perDyad.putIfAbsent(d, 0L));
        List<Dyad> dyads = perDyad.keySet().stream()
                .sorted(Comparator.comparing((Dyad d) -> perDyad.get(d)).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        Dyad shown = dyad != null ? dyad : dyads.isEmpty() ? null : dyads.get(0);

        Map<String, List<Point>> timeline = new TreeMap<>();
        tension.getOrDefault(shown, Map.of()).forEach((window, points) -> {
            // Hopping windows that end after the newest report hold nothing newer than the first of them, the
            // current one; the later ones would draw today's value on into the future.
            Map<Instant, Double> upToNow = latestEventTime == null || points.higherKey(latestEventTime) == null
                    ? points : points.headMap(points.higherKey(latestEventTime), true);
            List<Point> line = new ArrayList<>();
            upToNow.forEach((at, value) -> line.add(new Point(at, value)));
            timeline.put(label(window), line);
        });
        List<Incident> shownIncidents = incidents.values().stream()
                .filter(i -> i.dyad().equals(shown))
                .sorted(Comparator.comparing(Incident::eventDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Incident::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .limit(limit)
                .toList();
        return new Snapshot(new Progress(articles.size(), incidents.size(), indicatorUpdates, latestEventTime),
                dyads.stream().map(Dyad::toString).toList(), shown == null ? null : shown.toString(), timeline, shownIncidents);
    }

    /** {@code P7D} rather than Java's {@code PT168H}, as the streams role's options write windows. */
    static String label(Duration window) {
        return window.equals(Duration.ofDays(window.toDays())) ? "P" + window.toDays() + "D" : window.toString();
    }
}
