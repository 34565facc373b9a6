package org.flashpoint.streams.state;

import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's key-value store with its most recently used values kept decoded. A busy dyad's working set, windows and
 * state are read back by nearly every article, and parsing the same JSON again cost more than the step's own work.
 * Every write goes through to the store, so the store and its changelog stay the truth; processors build a new one
 * each time their task is initialised (after restoration or a rebalance), so nothing stale survives. Values must be
 * immutable.
 *
 * @param <V> the stored, immutable value
 */
public final class DecodedValues<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    public DecodedValues(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.recent = new RecentlyUsed<>(capacity);
    }

    public V get(String key) {
        V value = recent.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                recent.put(key, value);
            }
        }
        return value;
    }

    public void put(String key, V value) {
        store.put(key, value);
        recent.put(key, value);
    }

    public void delete(String key) {
        store.delete(key);
        recent.remove(key);
    }
}
