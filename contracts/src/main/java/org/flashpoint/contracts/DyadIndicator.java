package org.flashpoint.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tension indicators of one dyad over one event-time window, published to {@code indicators} keyed by the dyad
 * ({@code "IRN-PAK"}). Each update replaces the previous value for the same dyad, window size and window start.
 *
 * @param dyad                 the pair of states
 * @param window               window length, ISO-8601 (e.g. {@code PT24H}, {@code P7D})
 * @param windowStart          inclusive start of the window
 * @param windowEnd            exclusive end of the window
 * @param escalation           sum of conflictual weights (as a positive number)
 * @param deEscalation         sum of cooperative weights
 * @param tension              net tension: escalation minus de-escalation
 * @param articles             articles counted
 * @param incidents            distinct incidents
 * @param borderIncidents      distinct border incidents
 * @param visits               distinct diplomatic visits
 * @param killed               sum of the highest tolls of distinct incidents
 * @param independentSources   independent sources over all incidents
 * @param baselineMean         rolling mean of tension over earlier windows
 * @param baselineStdDev       rolling standard deviation of tension over earlier windows
 * @param zScore               (tension - mean) / deviation, 0 while there is no baseline
 * @param topIncidents         ids of the strongest incidents in the window
 */
public record DyadIndicator(
        Dyad dyad,
        Duration window,
        Instant windowStart,
        Instant windowEnd,
        double escalation,
        double deEscalation,
        double tension,
        int articles,
        int incidents,
        int borderIncidents,
        int visits,
        int killed,
        int independentSources,
        double baselineMean,
        double baselineStdDev,
        double zScore,
        List<String> topIncidents) {

    public DyadIndicator {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(window, "window");
        topIncidents = topIncidents == null ? List.of() : List.copyOf(topIncidents);
    }
}
