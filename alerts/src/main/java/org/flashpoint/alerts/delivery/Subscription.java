package org.flashpoint.alerts.delivery;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flashpoint.alerts.rules.DyadMatcher;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;

/**
 * A webhook subscription: where to POST, the shared secret, and which notices it wants.
 *
 * @param id           identifier, for the API and the delivery log; the dead-letter key
 * @param url          the receiver, http or https
 * @param secret       {@code whsec_<base64>}, shared with the receiver
 * @param dyads        dyad patterns ({@code *}, {@code IRN-*}, {@code IRN-PAK}); every dyad when absent
 * @param minSeverity  the lowest severity delivered; INFO when absent
 * @param states       the lifecycle states delivered; every state when absent
 */
public record Subscription(String id, URI url, String secret, List<String> dyads, Alert.Severity minSeverity,
                           Set<Alert.State> states) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a webhook id is 1-64 letters, digits, '.', '_' or '-', got: " + id);
        }
        if (url == null || !url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("a webhook url must be an absolute http or https URL, got: " + url);
        }
        WebhookSignature.key(secret);
        dyads = dyads == null || dyads.isEmpty() ? List.of("*") : List.copyOf(new DyadMatcher(dyads).patterns());
        minSeverity = minSeverity == null ? Alert.Severity.INFO : minSeverity;
        states = states == null || states.isEmpty() ? EnumSet.allOf(Alert.State.class) : EnumSet.copyOf(states);
    }

    /** True when this subscription wants the notice. */
    public boolean wants(AlertNotice notice) {
        Alert alert = notice.data();
        return states.contains(alert.state())
                && (alert.severity() == null ? Alert.Severity.INFO : alert.severity()).compareTo(minSeverity) >= 0
                && new DyadMatcher(dyads).matches(alert.dyad());
    }
}
