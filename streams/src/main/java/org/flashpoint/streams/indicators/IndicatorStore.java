package org.flashpoint.streams.indicators;

import java.time.Duration;
import java.time.Instant;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;

/** Where indicator state lives: Kafka Streams stores in the topology, maps in the offline pipeline. */
public interface IndicatorStore {

    /** The dyad's state, null when the dyad is new. */
    DyadState dyad(Dyad dyad);

    void putDyad(Dyad dyad, DyadState state);

    /** A window's aggregate, null when nothing was counted in it (or it was dropped). */
    WindowAggregate window(Dyad dyad, Duration size, Instant start);

    void putWindow(Dyad dyad, Duration size, Instant start, WindowAggregate aggregate);

    /** Drops a window's aggregate. */
    void removeWindow(Dyad dyad, Duration size, Instant start);

    /** Keeps an emitted indicator for queries; the latest per dyad, size and start wins. */
    void putIndicator(DyadIndicator indicator);
}
