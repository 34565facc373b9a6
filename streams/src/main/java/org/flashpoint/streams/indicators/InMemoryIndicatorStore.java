package org.flashpoint.streams.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;

/** Indicator state in maps, for the offline pipeline (classify, backtest) and tests; keeps no emitted indicators. */
public final class InMemoryIndicatorStore implements IndicatorStore {

    private final Map<Dyad, DyadState> dyads = new HashMap<>();
    private final Map<String, NavigableMap<Instant, WindowAggregate>> buckets = new HashMap<>();

    @Override
    public DyadState dyad(Dyad dyad) {
        return dyads.get(dyad);
    }

    @Override
    public void putDyad(Dyad dyad, DyadState state) {
        dyads.put(dyad, state);
    }

    @Override
    public WindowAggregate bucket(Dyad dyad, Duration size, Instant start) {
        NavigableMap<Instant, WindowAggregate> family = buckets.get(family(dyad, size));
        return family == null ? null : family.get(start);
    }

    @Override
    public void putBucket(Dyad dyad, Duration size, Instant start, WindowAggregate aggregate) {
        buckets.computeIfAbsent(family(dyad, size), k -> new TreeMap<>()).put(start, aggregate);
    }

    @Override
    public void removeBucket(Dyad dyad, Duration size, Instant start) {
        NavigableMap<Instant, WindowAggregate> family = buckets.get(family(dyad, size));
        if (family != null) {
            family.remove(start);
        }
    }

    @Override
    public void putIndicator(DyadIndicator indicator) {
        // Callers keep the indicators they are handed; nothing queries this store.
    }

    /** The dyad's kept buckets of {@code size} by start, earliest first. */
    public NavigableMap<Instant, WindowAggregate> buckets(Dyad dyad, Duration size) {
        return Collections.unmodifiableNavigableMap(buckets.getOrDefault(family(dyad, size), new TreeMap<>()));
    }

    private static String family(Dyad dyad, Duration size) {
        return dyad + "|" + size;
    }
}
