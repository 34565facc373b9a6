package org.flashpoint.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import org.flashpoint.contracts.DyadIndicator;

/**
 * Raises when a window's tension is far above the dyad's own baseline: z-score of tension against the earlier windows
 * of the same size (computed by the streams role). A floor on tension keeps a dyad with an empty history from
 * alerting on a trifle.
 *
 * @param window         size of the indicator window
 * @param zAbove         raise when the z-score is at least this
 * @param resolveBelow   clear when the z-score is below; at most {@code zAbove}
 * @param criticalAbove  critical when the z-score is at least this; null for no upgrade
 * @param minTension     raise only when tension is at least this as well
 */
public record SpikeRule(Common common, Duration window, double zAbove, double resolveBelow, Double criticalAbove,
                        double minTension) implements Rule {

    public SpikeRule {
        if (resolveBelow > zAbove) {
            throw new IllegalArgumentException("resolve_below must not exceed z_above");
        }
        if (criticalAbove != null && criticalAbove <= zAbove) {
            throw new IllegalArgumentException("critical_above must exceed z_above");
        }
    }

    @Override
    public Verdict evaluate(DyadView dyad, Instant at) {
        DyadIndicator current = dyad.indicator(window, at);
        double z = Indicator.Z_SCORE.of(current);
        double tension = Indicator.TENSION.of(current);
        boolean raise = z >= zAbove && tension >= minTension;
        boolean critical = raise && criticalAbove != null && z >= criticalAbove;
        String summary = "tension over " + Numbers.format(window) + " is " + Numbers.format(tension) + ", z-score "
                + Numbers.format(z) + " against the dyad's baseline (raise at " + Numbers.format(zAbove) + ")";
        return new Verdict(raise, critical, z < resolveBelow || tension < minTension, summary, Numbers.of(current),
                Numbers.topIncidents(dyad, current));
    }

    @Override
    public Duration lookback() {
        return window;
    }
}
