package org.flashpoint.streams.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.streams.incidents.DyadIncidents;
import org.flashpoint.streams.incidents.IncidentState;
import org.flashpoint.streams.incidents.OpenIncidents;
import org.flashpoint.streams.state.DecodedValues;

/** Open incidents in the task's state stores: working sets by dyad, reports and quotes by incident id. */
final class KafkaOpenIncidents implements OpenIncidents {

    /** Dyads whose working set stays decoded. */
    private static final int DECODED_DYADS = 1_000;
    /**
     * Incidents whose state stays decoded (a few kilobytes each): room for ten open incidents on each of a task's
     * dyads. With 1,000, on the bench's 630 dyads, parsing incidents that had dropped out took 5% of the stream threads.
     */
    private static final int DECODED_INCIDENTS = 4_000;

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
