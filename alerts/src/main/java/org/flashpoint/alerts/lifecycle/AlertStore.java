package org.flashpoint.alerts.lifecycle;

import org.flashpoint.contracts.Dyad;

/** Where the evaluator keeps its state: a Kafka Streams store in the topology, maps in a backtest. */
public interface AlertStore {

    /** The dyad's history, null when never seen. */
    DyadHistory history(Dyad dyad);

    void putHistory(DyadHistory history);

    /** The open episode of (rule, dyad), null when inactive. */
    AlertState state(String rule, Dyad dyad);

    /** Stores an open episode, or forgets it when {@code state} is null. */
    void putState(String rule, Dyad dyad, AlertState state);
}
