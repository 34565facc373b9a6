package org.flashpoint.app.commands;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flashpoint.alerts.delivery.WebhookRegistry;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.ingest.http.access.BearerToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the alerts role (rule evaluation + delivery: REST, SSE, webhooks, dashboard) until Ctrl-C. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Run the alerts role: rules, alert lifecycle, SSE, webhooks and the dashboard.",
                "Reads 'incidents' and 'indicators', writes notices to 'alerts' (topics created if missing),",
                "serves the dashboard at / and GET /api/v1/alerts, /api/v1/alerts/{id}, /api/v1/alerts/stream (SSE),",
                "and /api/v1/webhooks on --port; webhooks that fail every retry go to 'alerts.undelivered'."})
public final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", description = "Kafka (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--port", defaultValue = "8083", description = "HTTP port of the API and dashboard (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--rules", description = "Rules file (YAML); the bundled defaults when absent.")
    Path rules;

    @Option(names = "--webhooks", description = "Webhook subscriptions and silences (YAML or JSON).")
    Path webhooks;

    @Option(names = "--application-id", defaultValue = "flashpoint-alerts",
            description = "Kafka Streams application id of rule evaluation (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = ".flashpoint/alerts",
            description = "Local state of rule evaluation (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--token", defaultValue = "${env:FLASHPOINT_TOKEN}",
            description = "Bearer token that POST and DELETE requests (webhooks) must carry (default: FLASHPOINT_TOKEN,"
                    + " else a new one, printed as 'token: ...').")
    String token;

    @Option(names = "--delivery-only", description = "Serve and deliver notices, but leave rule evaluation to another process.")
    boolean deliveryOnly;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = {"A Kafka Streams, consumer or producer setting for rule evaluation, applied over Flashpoint's own",
                    "(repeatable), e.g. consumer.session.timeout.ms=10000; Kafka logs keys it does not know."})
    Map<String, String> kafkaProperties = Map.of();

    @Override
    public Integer call() throws InterruptedException {
        // Checked here as well, so a bad file is one clear line (file, line, field) rather than a startup stack trace.
        if (rules != null) {
            RuleSet.load(rules);
        }
        if (webhooks != null) {
            WebhookRegistry.load(webhooks);
        }
        ApplicationContext context = Micronaut.build(new String[0]).banner(false).environments("alerts").properties(properties()).start();
        System.out.printf("READY alerts bootstrap.servers=%s evaluation=%s dashboard http://localhost:%d/%n",
                bootstrapServers, deliveryOnly ? "elsewhere" : "here", port);
        System.out.flush();
        // Micronaut's own shutdown hook closes the context on SIGTERM (and Kafka Streams with it); a second hook
        // closing it too deadlocks with that one on the HTTP server, so this thread only waits for it.
        while (context.isRunning()) {
            Thread.sleep(200);
        }
        return 0;
    }

    /** The options as the Micronaut properties the alerts role reads; prints the token when it makes a new one. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("flashpoint.alerts.bootstrap-servers", bootstrapServers);
        properties.put("flashpoint.alerts.evaluate", !deliveryOnly);
        properties.put("flashpoint.alerts.application-id", applicationId);
        properties.put("flashpoint.alerts.state-dir", stateDir.toAbsolutePath().toString());
        kafkaProperties.forEach((key, value) -> properties.put("flashpoint.alerts.kafka." + key, value));
        properties.put(BearerToken.PROPERTY, BearerToken.givenOrNew(token, t -> System.out.println("token: " + t)));
        if (rules != null) {
            properties.put("flashpoint.alerts.rules", rules.toAbsolutePath().toString());
        }
        if (webhooks != null) {
            properties.put("flashpoint.alerts.webhooks.file", webhooks.toAbsolutePath().toString());
        }
        return properties;
    }
}
