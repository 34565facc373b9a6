package org.flashpoint.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;

/**
 * A step that turns any failure on one record into a {@link RejectedRecord} passed downstream, so a bad record costs
 * itself and never a stream thread. The rejection time is the record's event time: results never read the clock.
 */
abstract class GuardedProcessor<VIn, VOut> implements Processor<String, VIn, String, Outcome<VOut>> {

    static final String STAGE = "streams";

    private final String failureReason;
    private ProcessorContext<String, Outcome<VOut>> context;
    private final Map<String, Sensor> rejections = new HashMap<>();

    /** @param failureReason reason code for an unexpected exception in this step */
    GuardedProcessor(String failureReason) {
        this.failureReason = failureReason;
    }

    @Override
    public final void init(ProcessorContext<String, Outcome<VOut>> context) {
        this.context = context;
        open(context);
    }

    /** Looks up stores and metrics. */
    void open(ProcessorContext<String, Outcome<VOut>> context) {
    }

    @Override
    public final void process(Record<String, VIn> record) {
        try {
            handle(record);
        } catch (RuntimeException e) {
            reject(record, failureReason, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    abstract void handle(Record<String, VIn> record);

    final void emit(Record<String, VIn> record, String key, VOut value) {
        context.forward(record.withKey(key).withValue(Outcome.accepted(value)));
    }

    final void emit(Record<String, VIn> record, String key, VOut value, long timestamp) {
        context.forward(record.withKey(key).withValue(Outcome.accepted(value)).withTimestamp(timestamp));
    }

    final void reject(Record<String, VIn> record, String reason, String message) {
        String origin = context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                .orElse(null);
        RejectedRecord rejected = RejectedRecord.of(reason, message, origin, STAGE,
                Instant.ofEpochMilli(record.timestamp()), bytes(record.value()));
        rejections.computeIfAbsent(reason, r -> Metrics.counter(context, Metrics.REJECTED_PREFIX + r)).record();
        context.forward(record.<Outcome<VOut>>withValue(Outcome.rejected(rejected)));
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        try {
            return Json.write(value);
        } catch (RuntimeException e) {
            return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        }
    }
}
