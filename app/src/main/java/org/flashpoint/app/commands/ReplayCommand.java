package org.flashpoint.app.commands;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.broker.EmbeddedKafkaBroker;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.flashpoint.ingest.publish.KafkaArticleSink;
import org.flashpoint.ingest.replay.DryRun;
import org.flashpoint.ingest.replay.ProgressPrinter;
import org.flashpoint.ingest.replay.Replay;
import org.flashpoint.ingest.replay.ReplayOptions;
import org.flashpoint.ingest.replay.ReplaySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reads corpus files, then publishes them in publication-time order; rejections go to the dead-letter topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publish a corpus (text, HTML, JSON, NDJSON, WARC, RSS/Atom, any of them gzipped) to Kafka in publication-time order.",
                "Articles go to 'articles' (key = article id, record time = publication time); every rejected file or item",
                "goes to 'articles.rejected' with its reason. A manifest.jsonl beside files gives their dates, outlets and titles."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (read recursively).")
    List<Path> paths;

    @Option(names = "--bootstrap-servers",
            description = "Kafka to publish to; without it an embedded broker is started with its data in --kafka-dir.")
    String bootstrapServers;

    @Option(names = "--kafka-dir", defaultValue = ".flashpoint/kafka",
            description = "Data directory of the embedded broker (default: ${DEFAULT-VALUE}).")
    Path kafkaDir;

    @Option(names = "--speed", defaultValue = "0",
            description = "Simulated clock: 3600 sends one hour of news a second, spacing articles by their publication times (default: as fast as possible).")
    double speed;

    @Option(names = "--rate", defaultValue = "0", description = "At most this many articles a second (default: unlimited).")
    double rate;

    @Option(names = "--max", defaultValue = "0", description = "Send at most this many articles (default: all).")
    int max;

    @Option(names = "--dry-run", description = "Parse only: print what would be sent and every rejection with its reason.")
    boolean dryRun;

    @Override
    public Integer call() {
        CorpusBatch batch = Corpus.read(paths, Instant.now());
        if (dryRun) {
            DryRun.print(batch, System.out);
            return 0;
        }
        ReplayOptions options = new ReplayOptions(speed, rate, max);
        if (bootstrapServers != null) {
            publish(batch, options, bootstrapServers);
            return 0;
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, EmbeddedKafkaBroker.DEFAULT_PORT)) {
            System.err.println("embedded Kafka at " + broker.bootstrapServers() + ", data in " + broker.dataDir());
            publish(batch, options, broker.bootstrapServers());
        }
        return 0;
    }

    private static void publish(CorpusBatch batch, ReplayOptions options, String bootstrap) {
        TopicAdmin.ensureTopics(bootstrap, Topics.ALL);
        ReplaySummary summary;
        try (KafkaArticleSink sink = new KafkaArticleSink(bootstrap)) {
            summary = Replay.run(batch, options, sink, new ProgressPrinter(System.err, System.console() != null));
        }
        System.out.print(summary.describe());
    }
}
