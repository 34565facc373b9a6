package org.flashpoint.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Incident;

/**
 * Raises on a single incident that matches: e.g. a border incident with at least N killed, reported by at least two
 * independent sources. Open while such an incident is news: first reported within {@code within}; clear once none
 * is. Recency counts from the first report, so a later article that recalls the incident as background neither
 * raises it again nor keeps it open.
 *
 * @param within                     how long after its first report an incident counts as news
 * @param kinds                      incident kinds that match; empty for any
 * @param direction                  required direction; null for any
 * @param border                     true: only border incidents
 * @param killedAtLeast              minimum death toll (0: any)
 * @param independentSourcesAtLeast  minimum independent sources
 * @param criticalKilledAtLeast      critical when a matching incident has at least this toll; null for no upgrade
 * @param topIncidents               incidents a notice carries
 */
public record IncidentRule(Common common, Duration within, Set<String> kinds, Direction direction, boolean border,
                           int killedAtLeast, int independentSourcesAtLeast, Integer criticalKilledAtLeast,
                           int topIncidents) implements Rule {

    private static final Comparator<Incident> STRONGEST = Comparator
            .comparingInt((Incident i) -> killed(i)).reversed()
            .thenComparing(Comparator.comparingInt(Incident::independentSources).reversed())
            .thenComparing(Incident::id);

    public IncidentRule {
        kinds = Set.copyOf(kinds);
    }

    public boolean matches(Incident incident) {
        return (kinds.isEmpty() || kinds.contains(incident.kind()))
                && (direction == null || direction == incident.direction())
                && (!border || incident.borderIncident())
                && killed(incident) >= killedAtLeast
                && incident.independentSources() >= independentSourcesAtLeast;
    }

    @Override
    public Verdict evaluate(DyadView dyad, Instant at) {
        Instant since = at.minus(within);
        List<Incident> matching = dyad.incidents().stream()
                .filter(i -> i.firstSeen() != null && i.firstSeen().isAfter(since) && !i.firstSeen().isAfter(at))
                .filter(this::matches)
                .sorted(STRONGEST)
                .toList();
        int killed = matching.stream().mapToInt(IncidentRule::killed).max().orElse(0);
        int sources = matching.stream().mapToInt(Incident::independentSources).max().orElse(0);
        boolean raise = !matching.isEmpty();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("incidents", (double) matching.size());
        values.put("killed", (double) killed);
        values.put("independent_sources", (double) sources);
        String summary = raise
                ? matching.size() + " matching incident(s) first reported within " + Numbers.format(within) + ": " + matching.get(0).kind()
                        + (matching.get(0).borderIncident() ? " at the border" : "") + ", " + killed + " killed, "
                        + sources + " independent sources"
                : "no matching incident first reported within " + Numbers.format(within);
        return new Verdict(raise, raise && criticalKilledAtLeast != null && killed >= criticalKilledAtLeast, !raise,
                summary, values, matching.subList(0, Math.min(topIncidents, matching.size())));
    }

    @Override
    public Duration lookback() {
        return within;
    }

    private static int killed(Incident incident) {
        return incident.killed() == null ? 0 : incident.killed();
    }
}
