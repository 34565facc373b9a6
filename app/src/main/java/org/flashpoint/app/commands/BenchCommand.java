package org.flashpoint.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flashpoint.app.bench.Bench;
import org.flashpoint.app.bench.Bench.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures raw Kafka, the analyzer, the full pipeline, its own traffic and its floor in one run, on one broker, over the same articles. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput and latency: raw Kafka, analyzer, full pipeline.",
                "Starts its own broker (embedded, or a 3-node local cluster with --cluster), generates N synthetic",
                "articles of about 4 KiB and measures, in one run: (1) raw Kafka produce + consume with plain clients,",
                "(2) the analyzer alone on all cores (and incidents and indicators alone on one thread), (3) ingest ->",
                "classify -> incidents -> indicators -> alerts, exactly once, at saturation and at a steady offered load,",
                "(4) every record the pipeline put on Kafka in (3) (articles, outputs, changelogs, repartition), per",
                "topic, replayed as in (1), and (5) the rate and ratio (3) could reach if state, Kafka Streams and alerts",
                "cost nothing: analysis, incidents and indicators, and the contracted outputs moved as in (1). The last line is",
                "'ratio=... e2e_per_s=... analyzer_per_s=... raw_per_s=... p99_ms=...' (p99 at the steady load)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "20000", description = "Articles per measurement (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--warmup-articles", defaultValue = "5000",
            description = {"Articles sent through the pipeline before it is measured, so the JIT compiler has settled",
                    "(default: ${DEFAULT-VALUE}; 0: none)."})
    int warmupArticles;

    @Option(names = "--instances", defaultValue = "1", description = "Streams instances, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--cluster", description = "Run on a local 3-node cluster (RF 3, min ISR 2) instead of one embedded broker.")
    boolean cluster;

    @Option(names = "--steady-rate", defaultValue = "100", description = "Offered load of the latency phase, articles/s (default: ${DEFAULT-VALUE}).")
    int steadyRate;

    @Option(names = "--steady-seconds", defaultValue = "30", description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = {"A Kafka Streams, consumer or producer setting for the pipeline's streams and alerts roles,",
                    "applied over Flashpoint's own (repeatable), e.g. commit.interval.ms=500."})
    Map<String, String> kafkaProperties = Map.of();

    @Override
    public Integer call() throws Exception {
        if (instances < 1 || instances > 2 || articles < 1 || warmupArticles < 0 || steadyRate < 1 || steadySeconds < 1) {
            System.err.println("flashpoint bench: --instances is 1 or 2; --articles, --steady-rate and --steady-seconds are positive, --warmup-articles is not negative");
            return 2;
        }
        Path work = Files.createTempDirectory("flashpoint-bench-");
        Bench.run(new Options(articles, warmupArticles, instances, cluster, steadyRate, steadySeconds, kafkaProperties, work), System.out);
        return 0;
    }
}
