package org.flashpoint.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/** What is known about one dyad when a rule is evaluated: its indicator windows and its recent incidents. */
public interface DyadView {

    /**
     * The trailing window of {@code size} at {@code at}: the one containing {@code at} that ends first. Null when no
     * article fell into it, which means every count in it is zero.
     */
    DyadIndicator indicator(Duration size, Instant at);

    /** Latest version of each incident recently reported on the dyad, in order of first report. */
    List<Incident> incidents();

    /** The incident with this id, null when unknown or no longer recent. */
    Incident incident(String id);
}
