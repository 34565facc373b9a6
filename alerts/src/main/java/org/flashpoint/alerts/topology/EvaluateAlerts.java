package org.flashpoint.alerts.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.alerts.lifecycle.AlertEngine;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadUpdate;

/**
 * Keyed by dyad: feeds each dyad update (an article's incidents and indicators) to the {@link AlertEngine} and
 * forwards the alert changes as notices, record time = the change's event time. With a wall-clock interval it also advances, on
 * the wall clock, the dyads with open alerts, so a dyad that went quiet resolves (see {@link AlertsSettings}).
 *
 * <p>The wall clock only counts while the input is live: while the newest record of this task is less than
 * {@link #LIVE_LAG} older than the wall clock. Silence on one dyad while others report is news; silence everywhere
 * means the pipeline is stalled or replaying history, and is no reason to resolve anything.
 */
final class EvaluateAlerts implements Processor<String, DyadUpdate, String, AlertNotice> {

    static final Duration LIVE_LAG = Duration.ofDays(1);

    private final AlertEngine engine;
    private final Duration wallClockInterval;
    private ProcessorContext<String, AlertNotice> context;
    private KafkaAlertStore store;
    private KeyValueStore<String, StoredHistory> histories;

    EvaluateAlerts(AlertEngine engine, Duration wallClockInterval) {
        this.engine = engine;
        this.wallClockInterval = wallClockInterval;
    }

    @Override
    public void init(ProcessorContext<String, AlertNotice> context) {
        this.context = context;
        histories = context.getStateStore(AlertsTopology.HISTORY_STORE);
        store = new KafkaAlertStore(histories, context.getStateStore(AlertsTopology.INCIDENTS_STORE),
                context.getStateStore(AlertsTopology.LIFECYCLE_STORE));
        if (wallClockInterval != null) {
            context.schedule(wallClockInterval, PunctuationType.WALL_CLOCK_TIME, this::advanceQuietDyads);
        }
    }

    @Override
    public void process(Record<String, DyadUpdate> record) {
        engine.onUpdate(store, record.value()).forEach(this::forward);
    }

    private void advanceQuietDyads(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        if (Instant.ofEpochMilli(context.currentStreamTimeMs()).plus(LIVE_LAG).isBefore(now)) {
            return;
        }
        List<Dyad> open = new ArrayList<>();
        try (KeyValueIterator<String, StoredHistory> all = histories.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoredHistory> entry = all.next();
                // Whether a dyad needs advancing depends on its hold and open episodes, not on its incidents: every
                // dyad is looked at each interval, and reading back their incidents would be wasted.
                if (engine.needsAdvancing(store, entry.value.with(List.of()))) {
                    open.add(entry.value.dyad());
                }
            }
        }
        for (Dyad dyad : open) {
            engine.advance(store, dyad, now).forEach(this::forward);
        }
    }

    private void forward(Alert alert) {
        context.forward(new Record<>(alert.dyad().toString(), AlertNotice.of(alert), alert.updatedAt().toEpochMilli()));
    }
}
