package org.flashpoint.alerts.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param inline      only in a history an earlier build wrote: its incidents whole, in its order (that build's field
 *                    {@code incidents}); null in every history this build writes
 */
record StoredHistory(Dyad dyad, Instant clock, List<DyadIndicator> windows, List<String> incidentIds,
                     @JsonProperty("incidents") @JsonInclude(JsonInclude.Include.NON_NULL) List<Incident> inline,
                     boolean held) {

    StoredHistory {
        Objects.requireNonNull(dyad, "dyad");
        windows = List.copyOf(windows);
        if (incidentIds == null && inline == null) {
            throw new IllegalArgumentException("a stored history names its incidents by id or, from an earlier build, holds them");
        }
        inline = inline == null ? null : List.copyOf(inline);
        incidentIds = List.copyOf(incidentIds != null ? incidentIds : inline.stream().map(Incident::id).toList());
    }

    static StoredHistory of(DyadHistory history) {
        return new StoredHistory(history.dyad(), history.clock(), history.windows(),
                history.incidents().stream().map(Incident::id).toList(), null, history.held());
    }

    /** The history with these incidents in the place of its ids. */
    DyadHistory with(List<Incident> incidents) {
        return new DyadHistory(dyad, clock, windows, incidents, held);
    }
}
