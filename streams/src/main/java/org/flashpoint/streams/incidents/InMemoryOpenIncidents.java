package org.flashpoint.streams.incidents;

import java.util.HashMap;
import java.util.Map;
import org.flashpoint.contracts.Dyad;

/** Open incidents in maps: for offline replays and tests. Not thread-safe. */
public final class InMemoryOpenIncidents implements OpenIncidents {

    private final Map<Dyad, DyadIncidents> dyads = new HashMap<>();
    private final Map<String, IncidentState> incidents = new HashMap<>();

    @Override
    public DyadIncidents dyad(Dyad dyad) {
        return dyads.get(dyad);
    }

    @Override
    public void putDyad(Dyad dyad, DyadIncidents working) {
        dyads.put(dyad, working);
    }

    @Override
    public IncidentState incident(String id) {
        return incidents.get(id);
    }

    @Override
    public void putIncident(IncidentState incident) {
        incidents.put(incident.id(), incident);
    }

    @Override
    public void removeIncident(String id) {
        incidents.remove(id);
    }
}
