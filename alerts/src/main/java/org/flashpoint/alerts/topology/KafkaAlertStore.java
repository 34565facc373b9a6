package org.flashpoint.alerts.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.alerts.lifecycle.AlertState;
import org.flashpoint.alerts.lifecycle.AlertStore;
import org.flashpoint.alerts.lifecycle.DyadHistory;
import org.flashpoint.contracts.Dyad;

/** The evaluator's state in two Kafka Streams stores: histories by dyad, open episodes by (rule, dyad). */
final class KafkaAlertStore implements AlertStore {

    private final KeyValueStore<String, DyadHistory> histories;
    private final KeyValueStore<String, AlertState> episodes;

    KafkaAlertStore(KeyValueStore<String, DyadHistory> histories, KeyValueStore<String, AlertState> episodes) {
        this.histories = histories;
        this.episodes = episodes;
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
