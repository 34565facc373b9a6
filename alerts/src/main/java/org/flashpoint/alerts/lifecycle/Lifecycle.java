package org.flashpoint.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.flashpoint.alerts.rules.Rule;
import org.flashpoint.alerts.rules.Verdict;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Alert.State;
import org.flashpoint.contracts.Dyad;

/**
 * The state machine of one (rule, dyad), as plain comparisons on an evaluation time passed in:
 * <pre>
 *   inactive --raise--> PENDING --raise held for `for`--> FIRING --critical--> UPGRADED
 *   PENDING --no longer raised--> RESOLVED (never fired)
 *   FIRING/UPGRADED --clear held for the quiet period--> RESOLVED
 * </pre>
 * With {@code for: 0} an alert fires at once. An alert that fires while already critical starts FIRING at critical
 * severity; UPGRADED means it became critical after firing. Between the raise and the clear thresholds an open alert
 * stays open (hysteresis by value). Each step returns at most one notice: one per change, never one per evaluation.
 */
public final class Lifecycle {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Lifecycle() {
    }

    /**
     * The outcome of one evaluation.
     *
     * @param state   the episode after it, null when inactive
     * @param notice  the change to publish, null when nothing changed
     */
    public record Step(AlertState state, Alert notice) {
    }

    public static Step step(AlertState current, Rule rule, Dyad dyad, Verdict verdict, Instant at) {
        if (current == null) {
            return verdict.raise() ? open(rule, dyad, verdict, at) : new Step(null, null);
        }
        Alert alert = current.alert();
        if (alert.state() == State.PENDING) {
            if (!verdict.raise()) {
                return resolve(alert, verdict, at);
            }
            if (!at.isBefore(alert.startsAt().plus(rule.common().forDuration()))) {
                return change(alert, State.FIRING, severity(rule, verdict), verdict, at, null);
            }
            return new Step(current, null);
        }
        if (verdict.critical() && alert.severity().compareTo(Severity.CRITICAL) < 0) {
            return change(alert, State.UPGRADED, Severity.CRITICAL, verdict, at, null);
        }
        if (!verdict.clear()) {
            return new Step(current.clearSince() == null ? current : new AlertState(alert, null), null);
        }
        Instant since = current.clearSince() == null ? at : current.clearSince();
        Duration quiet = rule.common().quietPeriod();
        if (!at.isBefore(since.plus(quiet))) {
            return resolve(alert, verdict, at);
        }
        return new Step(new AlertState(alert, since), null);
    }

    /** Stable over the episode and safe in a URL path: rule, dyad and start time. */
    public static String alertId(String rule, Dyad dyad, Instant startsAt) {
        return rule + "." + dyad + "." + ID_TIME.format(startsAt);
    }

    private static Step open(Rule rule, Dyad dyad, Verdict verdict, Instant at) {
        boolean firing = rule.common().forDuration().isZero();
        Alert alert = new Alert(alertId(rule.name(), dyad, at), rule.name(), dyad,
                firing ? severity(rule, verdict) : rule.common().severity(), firing ? State.FIRING : State.PENDING, 1,
                summary(dyad, rule.name(), verdict), verdict.values(), verdict.incidents(), at, at, null);
        return new Step(new AlertState(alert, null), alert);
    }

    private static Step change(Alert alert, State state, Severity severity, Verdict verdict, Instant at, Instant endsAt) {
        Alert next = new Alert(alert.alertId(), alert.rule(), alert.dyad(), severity, state, alert.sequence() + 1,
                summary(alert.dyad(), alert.rule(), verdict), verdict.values(), verdict.incidents(), alert.startsAt(), at,
                endsAt);
        return new Step(state == State.RESOLVED ? null : new AlertState(next, null), next);
    }

    private static Step resolve(Alert alert, Verdict verdict, Instant at) {
        return change(alert, State.RESOLVED, alert.severity(), verdict, at, at);
    }

    private static Severity severity(Rule rule, Verdict verdict) {
        return verdict.critical() ? Severity.CRITICAL : rule.common().severity();
    }

    private static String summary(Dyad dyad, String rule, Verdict verdict) {
        return dyad + " " + rule + ": " + verdict.summary();
    }
}
