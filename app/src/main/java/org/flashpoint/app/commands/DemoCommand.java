package org.flashpoint.app.commands;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.flashpoint.alerts.topology.AlertsSettings;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.alerts.backtest.Timeline;
import org.flashpoint.app.demo.PipelineProbe;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.broker.EmbeddedKafkaBroker;
import org.flashpoint.deploy.ports.LoopbackPorts;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.flashpoint.ingest.http.access.BearerToken;
import org.flashpoint.ingest.publish.KafkaArticleSink;
import org.flashpoint.ingest.replay.Replay;
import org.flashpoint.ingest.replay.ReplayOptions;
import org.flashpoint.ingest.replay.ReplaySummary;
import org.flashpoint.ingest.sample.SampleCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline in one process: an embedded broker, the streams and alerts roles with their HTTP API and
 * dashboard, and a replay of the bundled synthetic corpus on an accelerated clock.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on an embedded real Kafka broker over the bundled sample corpus.",
                "Starts the broker, the ingest, streams and alerts roles and the dashboard, then replays a synthetic",
                "few-week story of escalation and de-escalation at --speed. Stays up for the dashboard until",
                "Ctrl-C, or with --exit-when-idle prints the alert timeline once everything is processed and exits."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080",
            description = "HTTP port of the dashboard and API; a free one if taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--speed", defaultValue = "86400",
            description = "Simulated clock: seconds of news per second (default: ${DEFAULT-VALUE}, one day per second).")
    double speed;

    @Option(names = "--exit-when-idle", description = "Exit once the corpus is processed, after printing the alert timeline.")
    boolean exitWhenIdle;

    @Option(names = "--corpus", description = "Replay these files or directories instead of the bundled sample corpus.")
    List<Path> corpus;

    @Option(names = "--idle-timeout", defaultValue = "PT3M",
            description = "With --exit-when-idle: give up waiting for the pipeline after this long (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--token", defaultValue = "${env:FLASHPOINT_TOKEN}",
            description = "Bearer token for POST and DELETE requests (default: FLASHPOINT_TOKEN, else a new one, printed as 'token: ...').")
    String token;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long started = System.nanoTime();
        out.println("Flashpoint demo: starting an embedded Kafka broker (KRaft, in this JVM)...");
        Path work = Files.createTempDirectory("flashpoint-demo-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, Topics.ALL);
            out.printf("Broker ready at %s (%.1f s). Starting the streams and alerts roles...%n", bootstrap, seconds(started));

            int httpPort = port > 0 && LoopbackPorts.isFree(port) ? port : LoopbackPorts.freePort();
            String httpToken = BearerToken.givenOrNew(token, t -> out.println("token: " + t));
            try (ApplicationContext context = Micronaut.build(new String[0]).banner(false)
                    .environments("ingest", "streams", "alerts")
                    .properties(roleProperties(bootstrap, httpPort, work))
                    .properties(Map.of(BearerToken.PROPERTY, httpToken))
                    .start()) {
                out.printf("Dashboard: http://127.0.0.1:%d/   (API: POST /api/v1/articles, GET /api/v1/alerts, /api/v1/dyads, /api/v1/incidents)%n",
                        context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort());

                List<Path> roots = corpus == null || corpus.isEmpty()
                        ? List.of(SampleCorpus.extractTo(work.resolve("sample-corpus")))
                        : corpus;
                CorpusBatch batch = Corpus.read(roots, Instant.now());
                out.printf("Replaying %d articles (%d rejected by the parsers) at %.0fx...%n",
                        batch.articles().size(), batch.rejected().size(), speed);
                ReplaySummary summary;
                try (KafkaArticleSink sink = new KafkaArticleSink(bootstrap)) {
                    summary = Replay.run(batch, new ReplayOptions(speed, 0, 0), sink,
                            (done, total, elapsed) -> {
                                if (done == total || done % 10 == 0) {
                                    out.printf("  replayed %d/%d%n", done, total);
                                }
                            });
                }
                out.println("Replay done: " + summary.describe());

                if (!exitWhenIdle) {
                    out.println("Watching; press Ctrl-C to stop.");
                    Thread.currentThread().join();
                    return 0;
                }
                try (PipelineProbe probe = new PipelineProbe(bootstrap)) {
                    Map<String, List<String>> inputs = Map.of(
                            StreamsSettings.DEFAULT_APPLICATION_ID, List.of(Topics.ARTICLES.name()),
                            AlertsSettings.DEFAULT_APPLICATION_ID, List.of(Topics.DYAD_UPDATES.name()));
                    if (!probe.awaitIdle(inputs, Set.of(Topics.DYAD_UPDATES.name()), idleTimeout)) {
                        out.println("The pipeline did not finish within " + idleTimeout + "; the timeline below may be partial.");
                    }
                    Timeline timeline = new Timeline(probe.alerts(), probe.incidents(), summary.accepted(),
                            summary.duplicates(), summary.rejected());
                    out.println();
                    out.println(timeline.table());
                }
                return 0;
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private static Map<String, Object> roleProperties(String bootstrap, int httpPort, Path work) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", httpPort);
        properties.put("flashpoint.ingest.bootstrap-servers", bootstrap);
        properties.put("flashpoint.streams.bootstrap-servers", bootstrap);
        properties.put("flashpoint.streams.application-server", "127.0.0.1:" + httpPort);
        properties.put("flashpoint.streams.state-dir", work.resolve("streams").toString());
        properties.put("flashpoint.alerts.bootstrap-servers", bootstrap);
        properties.put("flashpoint.alerts.evaluate", true);
        properties.put("flashpoint.alerts.state-dir", work.resolve("alerts").toString());
        // A replay of past news runs on event time only: a wall clock in 2026 would resolve every 2024 alert at once.
        properties.put("flashpoint.alerts.wall-clock-interval", "off");
        return properties;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the demo's temporary directory " + dir, e);
        }
    }
}
