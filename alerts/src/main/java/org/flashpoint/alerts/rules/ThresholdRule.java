package org.flashpoint.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import org.flashpoint.contracts.DyadIndicator;

/**
 * Raises when an indicator of the trailing window is above {@code raiseAbove}, resolves when it has stayed below
 * {@code resolveBelow} for the quiet period, and upgrades to critical above {@code criticalAbove}.
 *
 * @param indicator      the tested number
 * @param window         size of the indicator window
 * @param raiseAbove     raise when the value is strictly above
 * @param resolveBelow   clear when the value is strictly below; at most {@code raiseAbove}
 * @param criticalAbove  critical when strictly above; null for no upgrade
 */
public record ThresholdRule(Common common, Indicator indicator, Duration window, double raiseAbove, double resolveBelow,
                            Double criticalAbove) implements Rule {

    public ThresholdRule {
        if (resolveBelow > raiseAbove) {
            throw new IllegalArgumentException("resolve_below must not exceed raise_above");
        }
        if (criticalAbove != null && criticalAbove <= raiseAbove) {
            throw new IllegalArgumentException("critical_above must exceed raise_above");
        }
    }

    @Override
    public Verdict evaluate(DyadView dyad, Instant at) {
        DyadIndicator current = dyad.indicator(window, at);
        double value = indicator.of(current);
        boolean critical = criticalAbove != null && value > criticalAbove;
        String bound = value > raiseAbove ? (critical ? "above critical " + Numbers.format(criticalAbove)
                : "above " + Numbers.format(raiseAbove))
                : value < resolveBelow ? "below " + Numbers.format(resolveBelow) : "between thresholds";
        String summary = indicator.key() + " over " + Numbers.format(window) + " is " + Numbers.format(value) + ", " + bound;
        return new Verdict(value > raiseAbove, critical, value < resolveBelow, summary, Numbers.of(current),
                Numbers.topIncidents(dyad, current));
    }

    @Override
    public Duration lookback() {
        return window;
    }
}
