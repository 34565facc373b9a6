package org.flashpoint.streams.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.flashpoint.streams.RunningStreams;

/**
 * Publishes every Kafka Streams metric of the role's instances on {@code /prometheus}, tagged with the role: consumer
 * lag ({@code kafka_consumer_fetch_manager_records_lag_max}), process rates per task, and Flashpoint's own sensors
 * ({@link org.flashpoint.streams.topology.Metrics}: articles analysed, rejections by reason, incidents opened,
 * duplicates, late articles).
 */
@Context
@Requires(beans = MeterRegistry.class)
public class KafkaStreamsMeterBinder implements AutoCloseable {

    private final List<KafkaStreamsMetrics> bound;

    public KafkaStreamsMeterBinder(List<RunningStreams> instances, MeterRegistry registry) {
        bound = instances.stream()
                .map(i -> new KafkaStreamsMetrics(i.streams(), Tags.of("role", i.role())))
                .toList();
        bound.forEach(metrics -> metrics.bindTo(registry));
    }

    @PreDestroy
    @Override
    public void close() {
        bound.forEach(KafkaStreamsMetrics::close);
    }
}
