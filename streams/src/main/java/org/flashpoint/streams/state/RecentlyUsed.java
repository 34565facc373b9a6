package org.flashpoint.streams.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps its {@code capacity} most recently used entries: the decoded values a task reads back on nearly
 * every record, in front of a store that stays the truth.
 *
 * @param <K> key
 * @param <V> value
 */
public final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    public RecentlyUsed(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
