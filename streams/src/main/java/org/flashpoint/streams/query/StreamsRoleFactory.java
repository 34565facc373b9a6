package org.flashpoint.streams.query;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.streams.StreamsRunner;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.indicators.WindowSpec;

/**
 * Hands the streams role to Micronaut: settings from {@code flashpoint.streams.*} (Kafka's own settings under
 * {@code flashpoint.streams.kafka.*}, keys as Kafka spells them), the running topology, and the query service over
 * it. Kafka Streams starts with the application context, not on the first request.
 * {@code flashpoint.streams.enabled=false} leaves the role out (tests that supply their own query service).
 */
@Factory
@Requires(env = "streams")
@Requires(property = "flashpoint.streams.enabled", notEquals = "false")
public class StreamsRoleFactory {

    @Singleton
    StreamsSettings streamsSettings(
            @Value("${flashpoint.streams.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${flashpoint.streams.application-id:" + StreamsSettings.DEFAULT_APPLICATION_ID + "}") String applicationId,
            @Nullable @Value("${flashpoint.streams.state-dir:}") String stateDir,
            @Nullable @Value("${flashpoint.streams.application-server:}") String applicationServer,
            @Value("${flashpoint.streams.topic-prefix:}") String topicPrefix,
            @Nullable @Property(name = "flashpoint.streams.threads") Integer threads,
            @Value("${flashpoint.streams.processing-guarantee:exactly_once_v2}") String guarantee,
            @Value("${flashpoint.streams.windows:P1D,P7D/P1D}") String windows,
            @Value("${flashpoint.streams.grace:P2D}") String grace,
            @Nullable @Property(name = "flashpoint.streams.kafka")
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
            Map<String, String> kafkaProperties) {
        StreamsSettings defaults = StreamsSettings.defaults(bootstrapServers);
        return new StreamsSettings(applicationId, bootstrapServers, blank(stateDir) ? null : Path.of(stateDir),
                blank(applicationServer) ? null : applicationServer, topicPrefix,
                // One stream thread per core by default: a single thread leaves the other cores idle.
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, guarantee, defaults.dedupeRetention(),
                defaults.incidents(),
                defaults.indicators()
                        .withWindows(Arrays.stream(windows.split(",")).map(WindowSpec::parse).toList())
                        .withGrace(Duration.parse(grace)), kafkaProperties);
    }

    @Context
    @Bean(preDestroy = "close")
    StreamsRunner streamsRunner(StreamsSettings settings) {
        return StreamsRunner.start(settings, Analyzer.loadDefault());
    }

    @Singleton
    InteractiveQueries interactiveQueries(StreamsRunner runner) {
        return new InteractiveQueries(new KafkaStateAccess(runner.streams(), runner.settings().applicationServer()),
                new Forwarder(), runner.settings().indicators().windows().stream().map(WindowSpec::size).distinct().toList());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
