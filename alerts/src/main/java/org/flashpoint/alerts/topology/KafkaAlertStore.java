package org.flashpoint.alerts.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.alerts.lifecycle.AlertState;
import org.flashpoint.alerts.lifecycle.AlertStore;
import org.flashpoint.alerts.lifecycle.DyadHistory;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Incident;
import org.flashpoint.streams.state.DecodedValues;
import org.flashpoint.streams.state.RecentlyUsed;

/**
 * The evaluator's state in three Kafka Streams stores: histories by dyad with their incidents by id
 * ({@link StoredHistory}), the incidents by id, and open episodes by (rule, dyad).
 *
 * <p>A dyad's history is rewritten on every update, which changes at most the few incidents of one article, and its
 * incidents are most of its size: each incident is written only when the new history holds another object for it than
 * the previous one. That test is sound because {@link DyadHistory} keeps the very object of an incident that did not
 * change.
 */
final class KafkaAlertStore implements AlertStore {

    /** Dyads and episodes kept decoded: a dyad's history is read back on each of its updates. */
    private static final int DECODED_DYADS = 1_000;
    private static final int DECODED_EPISODES = 1_000;

    private final KeyValueStore<String, StoredHistory> histories;
    private final KeyValueStore<String, Incident> incidents;
    private final DecodedValues<AlertState> episodes;
    /** The history last read or written per dyad, whose incident objects tell the next write what changed. */
    private final Map<String, Decoded> recent = new RecentlyUsed<>(DECODED_DYADS);

    /**
     * A history as last read or written.
     *
     * @param incidentsStored its incidents are in the incidents store (false for one an earlier build wrote whole,
     *                        until it is written again)
     */
    private record Decoded(DyadHistory history, boolean incidentsStored) {
    }

    KafkaAlertStore(KeyValueStore<String, StoredHistory> histories, KeyValueStore<String, Incident> incidents,
                    KeyValueStore<String, AlertState> episodes) {
        this.histories = histories;
        this.incidents = incidents;
        this.episodes = new DecodedValues<>(episodes, DECODED_EPISODES);
    }

    @Override
    public DyadHistory history(Dyad dyad) {
        Decoded decoded = decoded(dyad.toString());
        return decoded == null ? null : decoded.history();
    }

    @Override
    public void putHistory(DyadHistory history) {
        String key = history.dyad().toString();
        // Normally the cached history the engine just read and derived this one from; if not cached, it is read back
        // and every incident counts as changed.
        Decoded previous = decoded(key);
        List<Incident> before = previous == null ? List.of() : previous.history().incidents();
        Set<Incident> unchanged = Collections.newSetFromMap(new IdentityHashMap<>());
        if (previous != null && previous.incidentsStored()) {
            unchanged.addAll(before);
        }
        for (Incident incident : history.incidents()) {
            if (!unchanged.contains(incident)) {
                incidents.put(incident.id(), incident);
            }
        }
        StoredHistory stored = StoredHistory.of(history);
        Set<String> kept = new HashSet<>(stored.incidentIds());
        for (Incident left : before) {
            if (!kept.contains(left.id())) {
                incidents.delete(left.id());
            }
        }
        histories.put(key, stored);
        recent.put(key, new Decoded(history, true));
    }

    private Decoded decoded(String key) {
        Decoded decoded = recent.get(key);
        if (decoded == null) {
            StoredHistory stored = histories.get(key);
            if (stored == null) {
                return null;
            }
            decoded = stored.inline() != null
                    ? new Decoded(stored.with(stored.inline()), false)
                    : new Decoded(stored.with(read(stored.incidentIds())), true);
            recent.put(key, decoded);
        }
        return decoded;
    }

    /**
     * The stored incidents of these ids, in their order. Under at-least-once a crash can leave a history naming an
     * incident whose write never reached the changelog; the history goes on without it rather than failing every
     * later update of the dyad, and the incident's next report brings it back.
     */
    private List<Incident> read(List<String> ids) {
        List<Incident> read = new ArrayList<>(ids.size());
        for (String id : ids) {
            Incident incident = incidents.get(id);
            if (incident != null) {
                read.add(incident);
            }
        }
        return read;
    }

    @Override
    public AlertState state(String rule, Dyad dyad) {
        return episodes.get(AlertState.key(rule, dyad));
    }

    @Override
    public void putState(String rule, Dyad dyad, AlertState state) {
        if (state == null) {
            episodes.delete(AlertState.key(rule, dyad));
        } else {
            episodes.put(AlertState.key(rule, dyad), state);
        }
    }
}
