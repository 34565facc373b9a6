package org.flashpoint.alerts.rules;

import java.util.List;
import java.util.Map;
import org.flashpoint.contracts.Incident;

/**
 * What a rule says about a dyad at one instant. {@code raise} and {@code clear} are separate so a value between the
 * raise and the resolve thresholds keeps an open alert open without opening a new one (hysteresis by value).
 *
 * @param raise      the condition to open (or keep) an alert holds
 * @param critical   the condition for critical severity holds
 * @param clear      the condition to resolve holds
 * @param summary    one line for a person: the value against its threshold
 * @param values     the numbers that decided, for the notice
 * @param incidents  the incidents behind the numbers, strongest first
 */
public record Verdict(boolean raise, boolean critical, boolean clear, String summary, Map<String, Double> values,
                      List<Incident> incidents) {

    public Verdict {
        values = Map.copyOf(values);
        incidents = List.copyOf(incidents);
    }
}
