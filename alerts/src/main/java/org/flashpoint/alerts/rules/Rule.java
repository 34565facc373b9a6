package org.flashpoint.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Dyad;

/**
 * One alert rule. The fields every kind shares are in {@link Common}; each kind decides, from a {@link DyadView}
 * and an instant, whether to raise, upgrade or clear. Pure: time is an argument.
 */
public sealed interface Rule permits ThresholdRule, SpikeRule, IncidentRule {

    Common common();

    Verdict evaluate(DyadView dyad, Instant at);

    /** How far back this rule looks, so the evaluator knows which history it can drop. */
    Duration lookback();

    default String name() {
        return common().name();
    }

    default boolean appliesTo(Dyad dyad) {
        return common().dyads().matches(dyad);
    }

    /**
     * What every rule has.
     *
     * @param name         unique, [a-z0-9-]; part of alert ids
     * @param description  what the rule means, for people
     * @param dyads        which dyads it watches
     * @param severity     severity when it fires (critical conditions upgrade it)
     * @param forDuration  how long the raise condition must hold before PENDING becomes FIRING
     * @param quietPeriod  how long the clear condition must hold before FIRING becomes RESOLVED
     */
    record Common(String name, String description, DyadMatcher dyads, Severity severity, Duration forDuration,
                  Duration quietPeriod) {
    }
}
