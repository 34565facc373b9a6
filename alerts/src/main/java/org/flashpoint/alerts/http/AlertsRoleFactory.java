package org.flashpoint.alerts.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import org.flashpoint.alerts.dashboard.DashboardView;
import org.flashpoint.alerts.delivery.AlertView;
import org.flashpoint.alerts.delivery.Backoff;
import org.flashpoint.alerts.delivery.DeliveryLog;
import org.flashpoint.alerts.delivery.DeliveryMetrics;
import org.flashpoint.alerts.delivery.DeliveryRole;
import org.flashpoint.alerts.delivery.DeliverySettings;
import org.flashpoint.alerts.delivery.WebhookRegistry;

/**
 * Hands the delivery side of the alerts role to Micronaut, configured from {@code flashpoint.alerts.*}. The Kafka
 * feeds start with the application context; {@code flashpoint.alerts.feed.enabled=false} leaves them out (tests that
 * fill the views themselves).
 */
@Factory
@Requires(env = "alerts")
public class AlertsRoleFactory {

    @Singleton
    AlertView alertView(@Value("${flashpoint.alerts.view.capacity:10000}") int capacity) {
        return new AlertView(capacity);
    }

    @Singleton
    DashboardView dashboardView() {
        return new DashboardView();
    }

    /** Created with the context, so the alert gauges are on /prometheus from the start. */
    @Context
    DeliveryMetrics deliveryMetrics(MeterRegistry meters, AlertView alerts) {
        return new DeliveryMetrics(meters).watching(alerts);
    }

    @Singleton
    DeliveryLog deliveryLog(@Value("${flashpoint.alerts.webhooks.log-size:200}") int size) {
        return new DeliveryLog(size);
    }

    @Singleton
    WebhookRegistry webhookRegistry(@Nullable @Value("${flashpoint.alerts.webhooks.file:}") String file) {
        return file == null || file.isBlank() ? new WebhookRegistry() : WebhookRegistry.load(Path.of(file));
    }

    @Singleton
    @Requires(property = "flashpoint.alerts.feed.enabled", notEquals = "false")
    DeliverySettings deliverySettings(
            @Value("${flashpoint.alerts.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${flashpoint.alerts.topic-prefix:}") String topicPrefix,
            @Value("${flashpoint.alerts.webhooks.group-id:" + DeliverySettings.DEFAULT_GROUP_ID + "}") String groupId,
            @Value("${flashpoint.alerts.webhooks.start-from:earliest}") String startFrom,
            @Value("${flashpoint.alerts.webhooks.max-attempts:5}") int maxAttempts,
            @Value("${flashpoint.alerts.webhooks.initial-backoff:PT1S}") String initialBackoff,
            @Value("${flashpoint.alerts.webhooks.max-backoff:PT1M}") String maxBackoff,
            @Value("${flashpoint.alerts.webhooks.timeout:PT10S}") String timeout,
            @Value("${flashpoint.alerts.webhooks.group-interval:PT30S}") String groupInterval) {
        return new DeliverySettings(bootstrapServers, topicPrefix, groupId, startFrom,
                new Backoff(maxAttempts, Duration.parse(initialBackoff), Duration.parse(maxBackoff)), Duration.parse(timeout),
                Duration.parse(groupInterval));
    }

    @Context
    @Bean(preDestroy = "close")
    @Requires(property = "flashpoint.alerts.feed.enabled", notEquals = "false")
    DeliveryRole deliveryRole(DeliverySettings settings, AlertView alerts, DashboardView dashboard,
                              WebhookRegistry registry, DeliveryLog log, DeliveryMetrics metrics) {
        return DeliveryRole.start(settings, alerts, dashboard, registry, log, metrics);
    }
}
