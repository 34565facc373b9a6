package org.flashpoint.alerts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.flashpoint.alerts.lifecycle.Silence;
import org.flashpoint.alerts.rules.DyadMatcher;

/**
 * A silence as written in the webhooks file, sent to the API and kept on the subscriptions topic: the matcher
 * ({@code dyads}, optional {@code rule}), the end, and who set it and why.
 *
 * @param id         1-64 letters, digits, '.', '_' or '-'
 * @param dyads      dyad patterns ({@code *}, {@code IRN-*}, {@code IRN-PAK}); at least one
 * @param rule       the rule it covers, null for every rule
 * @param until      when it ends (exclusive)
 * @param comment    why, for the next person on call
 * @param createdBy  who set it; null when unknown
 */
public record SilenceEntry(String id, List<String> dyads, String rule, Instant until, String comment, String createdBy) {

    public SilenceEntry {
        Objects.requireNonNull(id, "a silence needs an id");
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a silence id is 1-64 letters, digits, '.', '_' or '-', got: " + id);
        }
        if (dyads == null || dyads.isEmpty()) {
            throw new IllegalArgumentException("a silence needs dyads: one or more patterns such as IRN-PAK, IRN-* or *");
        }
        dyads = new DyadMatcher(dyads).patterns();
        rule = rule == null || rule.isBlank() ? null : rule.trim();
        Objects.requireNonNull(until, "a silence needs until, the instant it ends (ISO-8601, e.g. 2026-12-01T00:00:00Z)");
    }

    public Silence toSilence() {
        return new Silence(id, new DyadMatcher(dyads), rule, until, comment);
    }

    /** True while it mutes: before {@code until}. */
    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
