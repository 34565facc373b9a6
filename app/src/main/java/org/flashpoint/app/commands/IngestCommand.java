package org.flashpoint.app.commands;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flashpoint.ingest.http.access.BearerToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the ingest role (the HTTP article API publishing to Kafka) until Ctrl-C. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest role: the HTTP article API publishing to Kafka.",
                "POST /api/v1/articles takes one JSON article, a JSON array or NDJSON (application/x-ndjson);",
                "accepted articles go to 'articles', rejected items to 'articles.rejected' (topics created if missing).",
                "POST requests need 'Authorization: Bearer TOKEN' (--token) and are rate-limited per client address.",
                "OpenAPI description at /api/v1/openapi.yml, health at /health, metrics at /prometheus."})
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", description = "Kafka (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-request-size", defaultValue = "10MB",
            description = "Largest request body; larger ones are answered 413 (default: ${DEFAULT-VALUE}).")
    String maxRequestSize;

    @Option(names = "--token", defaultValue = "${env:FLASHPOINT_TOKEN}",
            description = "Bearer token that POST requests must carry (default: FLASHPOINT_TOKEN, else a new one,"
                    + " printed as 'token: ...').")
    String token;

    @Option(names = "--rate-limit", defaultValue = "200",
            description = "POST requests a second per client address; more get 429; 0 turns the limit off (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Option(names = "--rate-limit-burst", defaultValue = "400",
            description = "POST requests a client may send at once before --rate-limit applies (default: ${DEFAULT-VALUE}).")
    double rateLimitBurst;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.max-request-size", maxRequestSize);
        properties.put("flashpoint.ingest.bootstrap-servers", bootstrapServers);
        properties.put(BearerToken.PROPERTY, BearerToken.givenOrNew(token, t -> System.out.println("token: " + t)));
        properties.put("flashpoint.ingest.rate-limit.per-second", rateLimit);
        properties.put("flashpoint.ingest.rate-limit.burst", rateLimitBurst);
        ApplicationContext context = Micronaut.build(new String[0]).banner(false).environments("ingest")
                .properties(properties).start();
        System.out.printf("READY ingest bootstrap.servers=%s http://localhost:%d/api/v1/articles%n", bootstrapServers, port);
        System.out.flush();
        // Micronaut's own shutdown hook stops the context on Ctrl-C; a second hook closing it deadlocks with it.
        while (context.isRunning()) {
            Thread.sleep(250);
        }
        return 0;
    }
}
