package org.flashpoint.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.broker.EmbeddedKafkaBroker;
import org.flashpoint.deploy.cluster.LocalCluster;

/** One benchmark run: the five measurements on one broker over the same articles, and the summary line. */
public final class Bench {

    /**
     * @param articles      articles per throughput measurement
     * @param warmupArticles articles through the pipeline before it is measured (JIT compilation, first state)
     * @param instances     streams instances of the pipeline
     * @param cluster       a 3-node local cluster instead of one embedded broker
     * @param steadyRate    offered load of the latency phase, articles/s
     * @param steadySeconds length of the latency phase
     * @param kafkaProperties further Kafka settings of the streams and alerts roles
     * @param workDir       broker data and streams state; deleted at the end
     */
    public record Options(int articles, int warmupArticles, int instances, boolean cluster, int steadyRate, int steadySeconds,
                          Map<String, String> kafkaProperties, Path workDir) {
    }

    private Bench() {
    }

    public static void run(Options options, PrintStream out) throws Exception {
        List<Article> articles = SyntheticArticles.generate(options.articles(), 20_240_101L);
        List<byte[][]> records = articles.stream().map(a -> SyntheticArticles.restamp(a, a.id(), java.time.Instant.now()))
                .map(a -> new byte[][] {null, Json.write(a)}).toList();
        double meanBytes = records.stream().mapToInt(r -> r[1].length).average().orElse(0);
        out.printf("machine: %d cores, JDK %s, max heap %d MiB; %d articles of %.0f bytes (JSON), %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, articles.size(), meanBytes,
                options.cluster() ? "3-node local cluster (RF 3, min ISR 2)" : "embedded single-node broker");
        Analyzer analyzer = Analyzer.loadDefault();
        out.printf("workload: %s%n", WorkloadProfile.ofBenchArticles(analyzer::analyze, articles, 500).againstDevCorpus());
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Broker broker = Broker.start(options)) {
            out.printf("broker: %s%n", broker.bootstrapServers());

            String rawTopic = runId + ".raw";
            double raw = RawKafkaBench.run(broker.bootstrapServers(), rawTopic, Topics.ARTICLES.partitions(), records);
            out.printf("(1) raw Kafka produce+consume: %.0f articles/s%n", raw);

            double analyzerRate = AnalyzerBench.run(analyzer, articles);
            out.printf("(2) analyzer alone, %d threads: %.0f articles/s%n", Runtime.getRuntime().availableProcessors(), analyzerRate);
            double incidentsRate = IncidentsBench.run(analyzer, articles);
            out.printf("    fingerprints, incidents and indicators alone (offline pipeline, 1 thread): %.0f articles/s%n", incidentsRate);

            try (PipelineBench pipeline = new PipelineBench(broker.bootstrapServers(), runId, analyzer, options.instances(),
                    options.kafkaProperties(), options.workDir().resolve("state"));
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                int warmupArticles = Math.min(options.warmupArticles(), articles.size());
                if (warmupArticles > 0) {
                    // In a fresh JVM the JIT compiler took a quarter of the CPU for the first minute of the pipeline.
                    PipelineBench.Phase warmup = pipeline.saturate(articles.subList(0, warmupArticles), "warm-");
                    out.printf("    warm-up: %d articles at %.0f articles/s, not counted%n", warmupArticles,
                            warmup.articlesPerSecond);
                }
                Map<TopicPartition, Long> beforeSaturation = PipelineTraffic.snapshot(admin, runId, Set.of(rawTopic));
                PipelineBench.Phase saturation = pipeline.saturate(articles, "sat-");
                out.printf("(3) pipeline ingest->classify->incidents->indicators->alerts, exactly once, %d streams instance(s): %.0f articles/s%n",
                        options.instances(), saturation.articlesPerSecond);
                out.printf("    at saturation: ingest->indicator %s; ingest->alert %s%n", saturation.indicators, saturation.alerts);
                PipelineTraffic traffic = PipelineTraffic.read(broker.bootstrapServers(), beforeSaturation,
                        PipelineTraffic.snapshot(admin, runId, Set.of(rawTopic)));
                measureTraffic(broker.bootstrapServers(), runId, articles.size(), saturation.articlesPerSecond, traffic, out);
                measureFloor(broker.bootstrapServers(), runId, articles.size(), traffic,
                        new PipelineFloor(analyzerRate, incidentsRate, Runtime.getRuntime().availableProcessors()), raw, out);
                PipelineBench.Phase steady = pipeline.steady(articles, "steady-", options.steadyRate() * options.steadySeconds(),
                        options.steadyRate());
                out.printf("    at %d articles/s for %d s: ingest->indicator %s; ingest->alert %s%n",
                        options.steadyRate(), options.steadySeconds(), steady.indicators, steady.alerts);
                out.printf("    per article: %.1f indicator and %.2f alert records%n",
                        (double) saturation.indicatorRecords.get() / articles.size(), (double) saturation.alertRecords.get() / articles.size());
                out.printf("    p99_ms below: %s at %d articles/s%n", steady.endStage(), options.steadyRate());
                double ratio = saturation.articlesPerSecond / Math.min(raw, analyzerRate);
                out.printf("ratio=%.2f e2e_per_s=%.0f analyzer_per_s=%.0f raw_per_s=%.0f p99_ms=%d%n",
                        ratio, saturation.articlesPerSecond, analyzerRate, raw, steady.endToEnd().percentile(99));
            }
        } finally {
            deleteRecursively(options.workDir());
        }
    }

    /**
     * (4): the records the pipeline put on Kafka in (3), per article and topic, and the rate plain clients move them
     * at: how close (3) is to the transport its own output needs, which (1) understates by moving one record per article.
     */
    private static void measureTraffic(String bootstrapServers, String runId, int articles, double pipelineRate,
                                       PipelineTraffic traffic, PrintStream out) throws Exception {
        double recordsPerSecond = RawKafkaBench.run(bootstrapServers, runId + ".traffic", Topics.ARTICLES.partitions(),
                traffic.records());
        double articlesPerSecond = recordsPerSecond * articles / traffic.recordCount();
        out.printf("(4) the pipeline's own traffic in (3), replayed with plain clients as in (1): %.1f records and %.1f KB"
                        + " per article (uncompressed), %.0f records/s = %.0f articles/s; (3) reached %.2f of it%n",
                (double) traffic.recordCount() / articles, traffic.bytes() / 1024.0 / articles, recordsPerSecond,
                articlesPerSecond, pipelineRate / articlesPerSecond);
        traffic.perArticle(articles, runId).forEach(line -> out.printf("    %s%n", line));
    }

    /**
     * (5): the fastest (3) could be if exactly-once state, Kafka Streams and the alerts role cost nothing: the analysis,
     * the offline incident and indicator step, and moving the outputs the contracts require (the classified articles,
     * incidents and indicators of (3), replayed as in (1)) still share the machine.
     */
    private static void measureFloor(String bootstrapServers, String runId, int articles, PipelineTraffic traffic,
                                     PipelineFloor floor, double rawRate, PrintStream out) throws Exception {
        String prefix = runId + ".";
        PipelineTraffic outputs = traffic.only(Set.of(prefix + Topics.ARTICLES_CLASSIFIED.name(),
                prefix + Topics.INCIDENTS.name(), prefix + Topics.INDICATORS.name()));
        double recordsPerSecond = RawKafkaBench.run(bootstrapServers, runId + ".outputs", Topics.ARTICLES.partitions(),
                outputs.records());
        double outputsRate = recordsPerSecond * articles / outputs.recordCount();
        double ceiling = floor.articlesPerSecond(outputsRate);
        out.printf("(5) (3) with free state, Kafka Streams and alerts: the analysis as in (2), incidents and indicators as"
                        + " above on %d threads, and the contracted outputs (articles.classified, incidents, indicators: %.1f"
                        + " records and %.1f KB per article) replayed as in (1) at %.0f articles/s, share the machine: at"
                        + " most %.0f articles/s, ratio <= %.2f%n",
                floor.cores(), (double) outputs.recordCount() / articles, outputs.bytes() / 1024.0 / articles, outputsRate,
                ceiling, ceiling / Math.min(rawRate, floor.analyzerRate()));
    }

    /** The embedded broker or the local cluster, behind one face. */
    private record Broker(String bootstrapServers, AutoCloseable handle) implements AutoCloseable {
        static Broker start(Options options) {
            if (options.cluster()) {
                LocalCluster cluster = LocalCluster.start(3, options.workDir().resolve("cluster"), 0);
                return new Broker(cluster.bootstrapServers(), cluster);
            }
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options.workDir().resolve("kafka"), 0);
            return new Broker(broker.bootstrapServers(), broker);
        }

        @Override
        public void close() throws Exception {
            handle.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
