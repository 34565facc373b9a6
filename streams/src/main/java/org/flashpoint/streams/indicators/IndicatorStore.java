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

    /**
     * A bucket's aggregate: what happened in {@code [start, start + size)}, where {@code size} is the advance of the
     * window families built from it. Null when nothing was counted in it (or it was dropped).
     */
    WindowAggregate bucket(Dyad dyad, Duration size, Instant start);

    void putBucket(Dyad dyad, Duration size, Instant start, WindowAggregate aggregate);

    /** Drops a bucket. */
    void removeBucket(Dyad dyad, Duration size, Instant start);

    /** Keeps an emitted indicator for queries; the latest per dyad, size and start wins. */
    void putIndicator(DyadIndicator indicator);
}
