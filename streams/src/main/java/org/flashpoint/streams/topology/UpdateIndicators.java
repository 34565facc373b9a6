package org.flashpoint.streams.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.streams.indicators.DyadActivity;
import org.flashpoint.streams.indicators.IndicatorCalculator;

/**
 * Keyed by dyad: applies an article's incident changes to the dyad's windows and emits them together with the changed
 * indicators as one update.
 */
final class UpdateIndicators extends GuardedProcessor<DyadActivity, DyadUpdate> {

    private final IndicatorCalculator calculator;
    private KafkaIndicatorStore store;
    private Sensor late;

    UpdateIndicators(IndicatorCalculator calculator) {
        super("processing_failed");
        this.calculator = calculator;
    }

    @Override
    void open(ProcessorContext<String, Outcome<DyadUpdate>> context) {
        store = new KafkaIndicatorStore(context.getStateStore(FlashpointTopology.INDICATOR_BUCKETS),
                context.getStateStore(FlashpointTopology.INDICATORS_STORE),
                context.getStateStore(FlashpointTopology.DYADS_STORE));
        late = Metrics.counter(context, Metrics.LATE_ARTICLES);
    }

    @Override
    void handle(Record<String, DyadActivity> record) {
        DyadActivity activity = record.value();
        IndicatorCalculator.Update update = calculator.update(store, activity);
        if (update.late()) {
            late.record();
        }
        if (!activity.incidents().isEmpty() || !update.indicators().isEmpty()) {
            emit(record, record.key(), new DyadUpdate(activity.dyad(), activity.articleId(), activity.eventTime(),
                    activity.incidents(), update.indicators()));
        }
    }
}
