package org.flashpoint.alerts.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.flashpoint.contracts.Alert;

/**
 * The open episode of one (rule, dyad): the alert as last published, and since when the clear condition has held.
 * No state at all means inactive; a resolved episode leaves no state, so the next one starts afresh.
 *
 * @param alert       the last published notice of the episode (PENDING, FIRING or UPGRADED)
 * @param clearSince  first evaluation time of the current run of clear verdicts, null when the last one was not clear
 */
public record AlertState(Alert alert, Instant clearSince) {

    public AlertState {
        Objects.requireNonNull(alert, "alert");
        if (alert.state() == Alert.State.RESOLVED) {
            throw new IllegalArgumentException("a resolved alert has no state");
        }
    }

    /** Store key of a (rule, dyad): {@code rule|IRN-PAK}. */
    public static String key(String rule, org.flashpoint.contracts.Dyad dyad) {
        return rule + "|" + dyad;
    }
}
