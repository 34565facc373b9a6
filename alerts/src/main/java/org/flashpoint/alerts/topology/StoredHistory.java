package org.flashpoint.alerts.topology;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.flashpoint.alerts.lifecycle.DyadHistory;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/**
 * A {@link DyadHistory} as {@link AlertsTopology#HISTORY_STORE} keeps it: its incidents by id only, each stored once
 * in {@link AlertsTopology#INCIDENTS_STORE}, so a dyad update does not write the whole look-back again.
 *
 * @param incidentIds the history's incident ids, in its order
 */
record StoredHistory(Dyad dyad, Instant clock, List<DyadIndicator> windows, List<String> incidentIds, boolean held) {

    StoredHistory {
        Objects.requireNonNull(dyad, "dyad");
        windows = List.copyOf(windows);
        // The one field an earlier build's history (whole incidents) lacks: say so rather than fail on a bare null.
        incidentIds = List.copyOf(Objects.requireNonNull(incidentIds,
                "incidentIds missing: a history written by an earlier build? Reset the alerts application"));
    }

    static StoredHistory of(DyadHistory history) {
        return new StoredHistory(history.dyad(), history.clock(), history.windows(),
                history.incidents().stream().map(Incident::id).toList(), history.held());
    }

    /** The history with these incidents in the place of its ids. */
    DyadHistory with(List<Incident> incidents) {
        return new DyadHistory(dyad, clock, windows, incidents, held);
    }
}
