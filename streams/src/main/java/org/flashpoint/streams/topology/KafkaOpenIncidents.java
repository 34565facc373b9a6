package org.flashpoint.streams.topology;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.streams.incidents.DyadIncidents;
import org.flashpoint.streams.incidents.IncidentState;
import org.flashpoint.streams.incidents.OpenIncidents;
import org.flashpoint.streams.incidents.Report;
import org.flashpoint.streams.incidents.TextFingerprint;
import org.flashpoint.streams.state.DecodedValues;
import org.flashpoint.streams.state.RecentlyUsed;

/**
 * Open incidents in the task's state stores: working sets by dyad; reports and quotes by incident id, with each
 * report's text fingerprint in a record of its own, written once (see {@link StoredIncident}).
 */
final class KafkaOpenIncidents implements OpenIncidents {

    /** Dyads whose working set stays decoded. */
    private static final int DECODED_DYADS = 1_000;
    /**
     * Incidents whose state stays decoded (a few kilobytes each): room for ten open incidents on each of a task's
     * dyads. With 1,000, on the bench's 630 dyads, parsing incidents that had dropped out took 5% of the stream threads.
     */
    private static final int DECODED_INCIDENTS = 4_000;
    /**
     * Between incident id and article id in a fingerprint's key. Incident ids are made of the dyad, the event kind
     * (letters, digits, '_'), the date and the actor's state code, so the separator is not in them and a key names one
     * report; an incident whose id has one anyway keeps its fingerprints inline.
     */
    static final char SEPARATOR = '|';

    private final DecodedValues<DyadIncidents> workingSets;
    private final KeyValueStore<String, StoredIncident> incidents;
    private final KeyValueStore<String, TextFingerprint> fingerprints;
    private final Map<String, Decoded> decoded;

    /**
     * An incident as last stored or read back.
     *
     * @param state              the whole state
     * @param fingerprintsStored every fingerprint it carries has its record in the fingerprint store (false for state
     *                           stored inline, by earlier builds or under an id with the separator)
     */
    private record Decoded(IncidentState state, boolean fingerprintsStored) {
    }

    KafkaOpenIncidents(KeyValueStore<String, DyadIncidents> workingSets, KeyValueStore<String, StoredIncident> incidents,
                       KeyValueStore<String, TextFingerprint> fingerprints) {
        this.workingSets = new DecodedValues<>(workingSets, DECODED_DYADS);
        this.incidents = incidents;
        this.fingerprints = fingerprints;
        // The store and its changelog stay the truth: every write goes through, and processors build a new instance
        // each time their task is initialised, so nothing stale survives.
        this.decoded = new RecentlyUsed<>(DECODED_INCIDENTS);
    }

    static String fingerprintKey(String incidentId, String articleId) {
        return incidentId + SEPARATOR + articleId;
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
        Decoded incident = decoded(id);
        return incident == null ? null : incident.state();
    }

    @Override
    public void putIncident(IncidentState incident) {
        String id = incident.id();
        if (id.indexOf(SEPARATOR) >= 0) {
            incidents.put(id, StoredIncident.inline(incident));
            decoded.put(id, new Decoded(incident, false));
            return;
        }
        // The merger copies the list of reports, not the reports: one it kept is the same object, already stored.
        Decoded previous = decoded.get(id);
        Set<Report> stored = Collections.newSetFromMap(new IdentityHashMap<>());
        if (previous != null && previous.fingerprintsStored()) {
            stored.addAll(previous.state().reports());
        }
        for (Report report : incident.reports()) {
            if (report.fingerprint() != null && !stored.contains(report)) {
                fingerprints.put(fingerprintKey(id, report.articleId()), report.fingerprint());
            }
        }
        incidents.put(id, StoredIncident.apart(incident));
        decoded.put(id, new Decoded(incident, true));
    }

    @Override
    public void removeIncident(String id) {
        Decoded incident = decoded(id);
        if (incident != null && incident.fingerprintsStored()) {
            for (Report report : incident.state().reports()) {
                if (report.fingerprint() != null) {
                    fingerprints.delete(fingerprintKey(id, report.articleId()));
                }
            }
        }
        incidents.delete(id);
        decoded.remove(id);
    }

    private Decoded decoded(String id) {
        Decoded incident = decoded.get(id);
        if (incident == null) {
            StoredIncident stored = incidents.get(id);
            if (stored == null) {
                return null;
            }
            // A fingerprint record can only be missing after a crash between two stores' flushes under
            // at-least-once; the report then counts by its outlet alone rather than failing every later article.
            IncidentState state = stored.reassembled(report -> fingerprints.get(fingerprintKey(id, report.articleId())));
            incident = new Decoded(state, !stored.hasInlineFingerprints());
            decoded.put(id, incident);
        }
        return incident;
    }
}
