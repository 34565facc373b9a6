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
    private final Map<String, NavigableMap<Instant, WindowAggregate>> windows = new HashMap<>();

    @Override
    public DyadState dyad(Dyad dyad) {
        return dyads.get(dyad);
    }

    @Override
    public void putDyad(Dyad dyad, DyadState state) {
        dyads.put(dyad, state);
    }

    @Override
    public WindowAggregate window(Dyad dyad, Duration size, Instant start) {
        NavigableMap<Instant, WindowAggregate> family = windows.get(family(dyad, size));
        return family == null ? null : family.get(start);
    }

    @Override
    public void putWindow(Dyad dyad, Duration size, Instant start, WindowAggregate aggregate) {
        windows.computeIfAbsent(family(dyad, size), k -> new TreeMap<>()).put(start, aggregate);
    }

    @Override
    public void removeWindow(Dyad dyad, Duration size, Instant start) {
        NavigableMap<Instant, WindowAggregate> family = windows.get(family(dyad, size));
        if (family != null) {
            family.remove(start);
        }
    }

    @Override
    public void putIndicator(DyadIndicator indicator) {
        // Callers keep the indicators they are handed; nothing queries this store.
    }

    /** Starts of the dyad's kept windows of {@code size}, earliest first. */
    public NavigableMap<Instant, WindowAggregate> windows(Dyad dyad, Duration size) {
        return Collections.unmodifiableNavigableMap(windows.getOrDefault(family(dyad, size), new TreeMap<>()));
    }

    private static String family(Dyad dyad, Duration size) {
        return dyad + "|" + size;
    }
}
