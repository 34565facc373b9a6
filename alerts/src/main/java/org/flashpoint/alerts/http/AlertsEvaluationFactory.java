package org.flashpoint.alerts.http;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.flashpoint.alerts.topology.AlertsSettings;
import org.flashpoint.alerts.topology.AlertsStreamsRunner;

/**
 * With {@code flashpoint.alerts.evaluate=true} the alerts role also evaluates the rules: it runs the alerts topology
 * ({@link AlertsStreamsRunner}) in the same process as delivery. Off by default so delivery can run on its own.
 * Kafka's own settings for it come from {@code flashpoint.alerts.kafka.*}, keys as Kafka spells them.
 */
@Factory
@Requires(env = "alerts")
@Requires(property = "flashpoint.alerts.evaluate", value = "true")
public class AlertsEvaluationFactory {

    @Context
    @Bean(preDestroy = "close")
    AlertsStreamsRunner alertsStreamsRunner(
            @Value("${flashpoint.alerts.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${flashpoint.alerts.application-id:" + AlertsSettings.DEFAULT_APPLICATION_ID + "}") String applicationId,
            @Value("${flashpoint.alerts.topic-prefix:}") String topicPrefix,
            @Nullable @Value("${flashpoint.alerts.state-dir:}") String stateDir,
            @Nullable @Value("${flashpoint.alerts.rules:}") String rules,
            @Value("${flashpoint.alerts.wall-clock-interval:PT10S}") String wallClock,
            @Nullable @Property(name = "flashpoint.alerts.kafka")
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
            Map<String, String> kafkaProperties) {
        AlertsSettings settings = AlertsSettings.live(bootstrapServers).withApplicationId(applicationId).withTopicPrefix(topicPrefix)
                .withKafkaProperties(kafkaProperties);
        if (stateDir != null && !stateDir.isBlank()) {
            settings = settings.withStateDir(Path.of(stateDir));
        }
        if (rules != null && !rules.isBlank()) {
            settings = settings.withRulesFile(Path.of(rules));
        }
        // "off" for replays: event time only, deterministic.
        settings = "off".equals(wallClock) ? settings.withoutWallClock() : settings.withWallClockInterval(Duration.parse(wallClock));
        return AlertsStreamsRunner.start(settings);
    }
}
