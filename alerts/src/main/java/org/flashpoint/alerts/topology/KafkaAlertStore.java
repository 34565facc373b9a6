package org.flashpoint.alerts.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.alerts.lifecycle.AlertState;
import org.flashpoint.alerts.lifecycle.AlertStore;
import org.flashpoint.alerts.lifecycle.DyadHistory;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.streams.state.DecodedValues;

/** The evaluator's state in two Kafka Streams stores: histories by dyad, open episodes by (rule, dyad). */
final class KafkaAlertStore implements AlertStore {

    /** Dyads and episodes kept decoded: a dyad's history is read back on each of its updates. */
    private static final int DECODED_DYADS = 1_000;
    private static final int DECODED_EPISODES = 1_000;

    private final DecodedValues<DyadHistory> histories;
    private final DecodedValues<AlertState> episodes;

    KafkaAlertStore(KeyValueStore<String, DyadHistory> histories, KeyValueStore<String, AlertState> episodes) {
        this.histories = new DecodedValues<>(histories, DECODED_DYADS);
        this.episodes = new DecodedValues<>(episodes, DECODED_EPISODES);
    }

    @Override
    public DyadHistory history(Dyad dyad) {
        return histories.get(dyad.toString());
    }

    @Override
    public void putHistory(DyadHistory history) {
        histories.put(history.dyad().toString(), history);
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
