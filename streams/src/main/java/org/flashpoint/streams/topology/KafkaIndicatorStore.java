package org.flashpoint.streams.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.streams.indicators.DyadState;
import org.flashpoint.streams.indicators.IndicatorStore;
import org.flashpoint.streams.indicators.WindowAggregate;
import org.flashpoint.streams.state.DecodedValues;

/** The indicator state in three key-value stores. */
final class KafkaIndicatorStore implements IndicatorStore {

    /** Buckets and dyads whose state stays decoded: about ten open day buckets per active dyad. */
    private static final int DECODED_BUCKETS = 10_000;
    private static final int DECODED_DYADS = 1_000;

    private final DecodedValues<WindowAggregate> buckets;
    private final KeyValueStore<String, DyadIndicator> history;
    private final DecodedValues<DyadState> dyads;

    KafkaIndicatorStore(KeyValueStore<String, WindowAggregate> buckets, KeyValueStore<String, DyadIndicator> history,
                        KeyValueStore<String, DyadState> dyads) {
        this.buckets = new DecodedValues<>(buckets, DECODED_BUCKETS);
        this.history = history;
        this.dyads = new DecodedValues<>(dyads, DECODED_DYADS);
    }

    @Override
    public DyadState dyad(Dyad dyad) {
        return dyads.get(dyad.toString());
    }

    @Override
    public void putDyad(Dyad dyad, DyadState state) {
        dyads.put(dyad.toString(), state);
    }

    @Override
    public WindowAggregate bucket(Dyad dyad, Duration size, Instant start) {
        return buckets.get(StoreKeys.window(dyad, size, start));
    }

    @Override
    public void putBucket(Dyad dyad, Duration size, Instant start, WindowAggregate aggregate) {
        buckets.put(StoreKeys.window(dyad, size, start), aggregate);
    }

    @Override
    public void removeBucket(Dyad dyad, Duration size, Instant start) {
        buckets.delete(StoreKeys.window(dyad, size, start));
    }

    @Override
    public void putIndicator(DyadIndicator indicator) {
        history.put(StoreKeys.window(indicator.dyad(), indicator.window(), indicator.windowStart()), indicator);
    }
}
