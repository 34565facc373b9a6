package org.flashpoint.alerts.lifecycle;

import java.util.HashMap;
import java.util.Map;
import org.flashpoint.contracts.Dyad;

/** Alert state in maps: for a backtest, which is one replay in one thread. */
public final class InMemoryAlertStore implements AlertStore {

    private final Map<Dyad, DyadHistory> histories = new HashMap<>();
    private final Map<String, AlertState> states = new HashMap<>();

    @Override
    public DyadHistory history(Dyad dyad) {
        return histories.get(dyad);
    }

    @Override
    public void putHistory(DyadHistory history) {
        histories.put(history.dyad(), history);
    }

    @Override
    public AlertState state(String rule, Dyad dyad) {
        return states.get(AlertState.key(rule, dyad));
    }

    @Override
    public void putState(String rule, Dyad dyad, AlertState state) {
        if (state == null) {
            states.remove(AlertState.key(rule, dyad));
        } else {
            states.put(AlertState.key(rule, dyad), state);
        }
    }
}
