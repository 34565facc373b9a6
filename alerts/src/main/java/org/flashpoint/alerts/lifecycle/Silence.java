package org.flashpoint.alerts.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.flashpoint.alerts.rules.DyadMatcher;
import org.flashpoint.contracts.AlertNotice;

/**
 * A silence: notices of matching alerts are not sent to webhooks until {@code until}. It mutes that delivery only:
 * the lifecycle runs on, and the {@code alerts} topic, the REST view, SSE and the dashboard keep every notice, so
 * when the silence ends the current state is known. Delivery calls {@link #mutes} with its own clock.
 *
 * @param id       identifier, for listing and removing
 * @param dyads    which dyads it covers
 * @param rule     the rule it covers, null for every rule
 * @param until    when it ends (exclusive)
 * @param comment  why, for the next person on call
 */
public record Silence(String id, DyadMatcher dyads, String rule, Instant until, String comment) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dyads, "dyads");
        Objects.requireNonNull(until, "until");
    }

    public boolean mutes(AlertNotice notice, Instant now) {
        return now.isBefore(until)
                && dyads.matches(notice.data().dyad())
                && (rule == null || rule.equals(notice.data().rule()));
    }

    /** True when any silence in {@code silences} mutes the notice at {@code now}. */
    public static boolean anyMutes(Iterable<Silence> silences, AlertNotice notice, Instant now) {
        for (Silence s : silences) {
            if (s.mutes(notice, now)) {
                return true;
            }
        }
        return false;
    }
}
