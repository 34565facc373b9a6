package org.flashpoint.streams.incidents;

import org.flashpoint.contracts.Dyad;

/** Where the incident merger keeps open incidents between articles: the topology's state stores, or maps offline. */
public interface OpenIncidents {

    /** The dyad's working set; null before its first incident. */
    DyadIncidents dyad(Dyad dyad);

    void putDyad(Dyad dyad, DyadIncidents incidents);

    /** An open incident with its reports and quotes; null when unknown. */
    IncidentState incident(String id);

    void putIncident(IncidentState incident);

    /** The incident left the working set: no report can join it any more. */
    void removeIncident(String id);
}
