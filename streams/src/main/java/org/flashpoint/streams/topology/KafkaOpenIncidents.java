package org.flashpoint.streams.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.streams.incidents.DyadIncidents;
import org.flashpoint.streams.incidents.IncidentState;
import org.flashpoint.streams.incidents.OpenIncidents;
import org.flashpoint.streams.state.DecodedValues;

/** Open incidents in the task's state stores: working sets by dyad, reports and quotes by incident id. */
final class KafkaOpenIncidents implements OpenIncidents {

    /** Dyads and incidents whose state stays decoded; an incident's reports can weigh tens of kilobytes. */
    private static final int DECODED_DYADS = 1_000;
    private static final int DECODED_INCIDENTS = 1_000;

    private final DecodedValues<DyadIncidents> workingSets;
    private final DecodedValues<IncidentState> incidents;

    KafkaOpenIncidents(KeyValueStore<String, DyadIncidents> workingSets, KeyValueStore<String, IncidentState> incidents) {
        this.workingSets = new DecodedValues<>(workingSets, DECODED_DYADS);
        this.incidents = new DecodedValues<>(incidents, DECODED_INCIDENTS);
    }

    @Override
    public DyadIncidents dyad(Dyad dyad) {
        return workingSets.get(dyad.toString());
    }

    @Override
    public void putDyad(Dyad dyad, DyadIncidents working) {
        workingSets.put(dyad.toString(), working);
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
        incidents.delete(id);
    }
}
