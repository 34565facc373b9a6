package org.flashpoint.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one alert: one (rule, dyad) episode from PENDING to RESOLVED.
 *
 * @param alertId      stable over the whole episode: rule, dyad and start time
 * @param rule         rule name
 * @param dyad         the pair of states
 * @param severity     current severity
 * @param state        lifecycle state
 * @param sequence     1 for the first notice of the episode, +1 per change
 * @param summary      one line for a person
 * @param values       the indicator values that decided the change
 * @param incidents    the top incidents with evidence quotes and source links
 * @param startsAt     event time the condition first held
 * @param updatedAt    event time of this change
 * @param endsAt       event time of resolution, null while open
 */
public record Alert(
        String alertId,
        String rule,
        Dyad dyad,
        Severity severity,
        State state,
        int sequence,
        String summary,
        Map<String, Double> values,
        List<Incident> incidents,
        Instant startsAt,
        Instant updatedAt,
        Instant endsAt) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(state, "state");
        // Sorted so notices serialise identically on every run.
        values = values == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(values));
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
    }

    public enum Severity { INFO, WARNING, CRITICAL }

    public enum State { PENDING, FIRING, UPGRADED, RESOLVED }
}
