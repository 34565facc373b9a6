package org.flashpoint.app.commands;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the streams role (topology + interactive queries over HTTP) until Ctrl-C. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the streams role: analysis, incidents, indicators, interactive queries.",
                "Reads 'articles', writes 'articles.classified', 'incidents', 'indicators' and 'articles.rejected'",
                "(created if missing), and answers GET /api/v1/dyads, /api/v1/dyads/{A}-{B}/indicators,",
                "/api/v1/incidents and /api/v1/incidents/{id} on --port. Start several with the same",
                "--application-id to share the work; each answers for all."})
public final class StreamsCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", description = "Kafka (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--application-id", defaultValue = "flashpoint-streams",
            description = "Kafka Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--port", defaultValue = "8082", description = "HTTP port of the query API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--advertised-host", defaultValue = "localhost",
            description = "Host name other instances use to relay queries here (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--state-dir", defaultValue = ".flashpoint/streams",
            description = "Local state of the stores (default: ${DEFAULT-VALUE}); one per instance.")
    Path stateDir;

    @Option(names = "--threads", description = "Stream threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--processing-guarantee", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--windows", defaultValue = "P1D,P7D/P1D",
            description = "Indicator windows, SIZE or SIZE/ADVANCE, comma-separated (default: ${DEFAULT-VALUE}).")
    String windows;

    @Option(names = "--grace", defaultValue = "P2D",
            description = "How long a window accepts late articles after it ends (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = {"A Kafka Streams, consumer or producer setting, applied over Flashpoint's own (repeatable),",
                    "e.g. consumer.session.timeout.ms=10000 or commit.interval.ms=500; Kafka logs keys it does not know."})
    Map<String, String> kafkaProperties = Map.of();

    @Override
    public Integer call() throws InterruptedException {
        ApplicationContext context = Micronaut.build(new String[0]).banner(false).environments("streams").properties(properties()).start();
        System.out.printf("READY streams application-id=%s bootstrap.servers=%s http://%s:%d/api/v1/dyads%n",
                applicationId, bootstrapServers, advertisedHost, port);
        System.out.flush();
        // Micronaut's own shutdown hook closes the context on Ctrl-C (and Kafka Streams with it); a second hook
        // would deadlock with it, so this thread only waits for that to happen.
        while (context.isRunning()) {
            Thread.sleep(200);
        }
        return 0;
    }

    /** The options as the Micronaut properties the streams role reads. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("flashpoint.streams.bootstrap-servers", bootstrapServers);
        properties.put("flashpoint.streams.application-id", applicationId);
        properties.put("flashpoint.streams.application-server", advertisedHost + ":" + port);
        properties.put("flashpoint.streams.state-dir", stateDir.toAbsolutePath().toString());
        properties.put("flashpoint.streams.threads", threads);
        properties.put("flashpoint.streams.processing-guarantee", processingGuarantee);
        properties.put("flashpoint.streams.windows", windows);
        properties.put("flashpoint.streams.grace", grace);
        kafkaProperties.forEach((key, value) -> properties.put("flashpoint.streams.kafka." + key, value));
        return properties;
    }
}
