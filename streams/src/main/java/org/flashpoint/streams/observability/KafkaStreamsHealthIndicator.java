package org.flashpoint.streams.observability;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.flashpoint.streams.RunningStreams;
import org.reactivestreams.Publisher;

/**
 * {@code /health} of a role that runs Kafka Streams: UP while every instance is RUNNING or rebalancing, DOWN once one
 * has stopped or failed, UNKNOWN while it is still starting; the details show each instance's state and threads.
 * Part of {@code /health/readiness}, so a Kubernetes readiness probe keeps a failed instance out of service.
 */
@Singleton
@Readiness
public class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final List<RunningStreams> instances;

    public KafkaStreamsHealthIndicator(List<RunningStreams> instances) {
        this.instances = instances;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthStatus status = HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        for (RunningStreams instance : instances) {
            KafkaStreams.State state = instance.streams().state();
            HealthStatus own = status(state);
            details.put(instance.role(), Map.of(
                    "state", state.name(),
                    "threads", instance.streams().metadataForLocalThreads().stream()
                            .map(t -> t.threadName() + " " + t.threadState()).toList()));
            status = worse(status, own);
        }
        return Publishers.just(HealthResult.builder("kafkaStreams", status).details(details).build());
    }

    static HealthStatus status(KafkaStreams.State state) {
        return switch (state) {
            case RUNNING, REBALANCING -> HealthStatus.UP;
            case CREATED -> HealthStatus.UNKNOWN;
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> HealthStatus.DOWN;
        };
    }

    private static HealthStatus worse(HealthStatus a, HealthStatus b) {
        if (a == HealthStatus.DOWN || b == HealthStatus.DOWN) {
            return HealthStatus.DOWN;
        }
        return a == HealthStatus.UNKNOWN || b == HealthStatus.UNKNOWN ? HealthStatus.UNKNOWN : HealthStatus.UP;
    }
}
