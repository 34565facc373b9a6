package org.flashpoint.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.flashpoint.app.fault.ClusterProbe.Output;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.cluster.LocalCluster;
import org.flashpoint.deploy.ports.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a real 3-node cluster (child JVMs, loopback, replication factor 3, min.insync.replicas 2) with the roles
 * as real processes from the built jar: a streams instance killed with SIGKILL in the middle of a replay, a broker
 * killed and restarted during a replay, and one during HTTP ingest. One cluster serves all three; each test has its
 * own topics and application ids. The workloads are small because the cluster shares two cores with everything
 * else; they still put the faults mid-run. The streams instances that may be killed run with the broker's minimum
 * session timeout (6 s, Kafka's default is 45 s), so the survivor takes over in seconds; each test prints where its
 * time went.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The broker restarts come first, while the cluster holds few partitions: a broker killed after the streams test and
// its dozens of topics took 40-50 s to be back here, one killed before it 10-14 s.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterFaultIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    /** Output offsets unchanged this long, with no transaction open, after the input is consumed: the run is over. */
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final String TOKEN = "fault-test-token";
    /** The outputs two runs of the same log must agree on; dyad.updates is what the alert rules read. */
    private static final List<Topic<String, ?>> COMPARED = List.of(Topics.ARTICLES_CLASSIFIED, Topics.INCIDENTS,
            Topics.INDICATORS, Topics.DYAD_UPDATES, Topics.ALERTS);

    @TempDir
    Path dir;

    private LocalCluster cluster;
    private ClusterProbe probe;
    /** Every child started and not yet stopped; the two runs of the first test add to it side by side. */
    private final List<RoleProcess> processes = new CopyOnWriteArrayList<>();
    private long testStart;

    @BeforeAll
    void startCluster() {
        cluster = LocalCluster.startTemporary(3);
        probe = new ClusterProbe(cluster.bootstrapServers());
    }

    @AfterAll
    void stopCluster() {
        if (probe != null) {
            probe.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void startClock(TestInfo test) {
        testStart = System.nanoTime();
        phase("start of " + test.getDisplayName());
    }

    /** Every child of a test ends with it, failed or not; a killed broker comes back for the next test. */
    @AfterEach
    void stopProcesses() {
        RoleProcess.closeAll(processes);
        processes.clear();
        for (int i = 0; i < cluster.size(); i++) {
            if (!cluster.isRunning(i)) {
                cluster.restart(i);
            }
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_streams_instance_killed_mid_replay_is_taken_over_and_the_outputs_equal_an_uninterrupted_run() throws Exception {
        List<Article> articles = Workload.articles("article-", 120, Duration.ofMinutes(5));
        phase(articles.size() + " articles generated");
        // Side by side: each run has its own topics, application ids and processes, and the two overlap their
        // waits (JVM starts, the takeover, the quiet period) instead of adding them up.
        ExecutorService runs = Executors.newFixedThreadPool(2);
        Map<String, List<Output>> reference;
        Map<String, List<Output>> interrupted;
        try {
            Future<Map<String, List<Output>>> calm = runs.submit(() -> streamsAndAlertsRun("calm.", articles, false));
            Future<Map<String, List<Output>>> crash = runs.submit(() -> streamsAndAlertsRun("crash.", articles, true));
            reference = outcome(calm);
            interrupted = outcome(crash);
        } finally {
            runs.shutdownNow();
        }

        List<Output> classified = reference.get(Topics.ARTICLES_CLASSIFIED.name());
        assertThat(ClusterProbe.counts(classified, Output::key)).as("every article classified once in the reference run")
                .hasSize(articles.size()).allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));
        for (String topic : COMPARED.stream().map(Topic::name).toList()) {
            System.out.printf("%s: %d records in the uninterrupted run, %d in the interrupted one; same order in every"
                    + " partition: %s%n", topic, reference.get(topic).size(), interrupted.get(topic).size(),
                    byPartition(reference.get(topic)).equals(byPartition(interrupted.get(topic))));
            assertThat(reference.get(topic)).as("the reference run wrote %s", topic).isNotEmpty();
            assertThat(differences(ClusterProbe.byKey(reference.get(topic)), ClusterProbe.byKey(interrupted.get(topic))))
                    .as("%s after a SIGKILL, per key and in order, against the uninterrupted run", topic).isEmpty();
        }
    }

    @Test
    @Order(2)
    void a_broker_killed_and_restarted_during_a_replay_loses_no_article() throws Exception {
        List<Article> articles = Workload.articles("replayed-", 500, Duration.ofMinutes(5));
        phase(articles.size() + " articles generated");
        Path corpus = dir.resolve("replay-corpus").resolve("articles.ndjson");
        Files.createDirectories(corpus.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
            for (Article a : articles) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("title", a.title());
                item.put("text", a.text());
                item.put("published", a.published().toString());
                item.put("url", a.url());
                item.put("source", a.source());
                out.write(Json.writeString(item));
                out.newLine();
            }
        }
        // `replay` has no topic option: this test owns the unprefixed topics.
        String streamsId = "broker-fault-streams";
        RoleProcess streams = start("broker-streams", Map.of(), List.of("streams", "--bootstrap-servers",
                cluster.bootstrapServers(), "--application-id", streamsId, "--state-dir", dir.resolve("broker-streams").toString(),
                "--port", Integer.toString(LoopbackPorts.freePort()), "--advertised-host", "127.0.0.1"));
        streams.awaitReady(START);
        phase("streams ready");
        // About a minute of replay: long enough for the broker to die early and, even on a loaded machine, to be back
        // before it ends.
        long start = System.nanoTime();
        RoleProcess replay = start("replay", Map.of(), List.of("replay", "--bootstrap-servers", cluster.bootstrapServers(),
                "--rate", "8", corpus.getParent().toString()));

        String topic = Topics.ARTICLES.name();
        int victim = probe.leaderOf(topic, 0) - 1;
        Await.until("a tenth of the replay on " + topic, PATIENCE,
                () -> probe.settledOffsets(List.of(topic)).values().stream().mapToLong(Long::longValue).sum() >= articles.size() / 10);
        assertThat(replay.isAlive()).as("replay still running when the broker dies" + replay.logTail()).isTrue();
        cluster.kill(victim);
        phase(String.format("killed broker %d (leader of %s-0) %d s into the replay", cluster.nodeId(victim), topic,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
        outlastFailover(victim, topic);
        cluster.restart(victim);
        phase(String.format("broker %d back %d s into the replay (replay %s)", cluster.nodeId(victim),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), replay.isAlive() ? "still running" : "already done"));

        assertThat(replay.awaitExit(PATIENCE)).as("replay exit code" + replay.logTail()).isZero();
        phase("replay done");
        Set<String> outputs = Set.of(Topics.ARTICLES_CLASSIFIED.name(), Topics.INCIDENTS.name(), Topics.INDICATORS.name());
        awaitSettled(List.of(streamsId), name -> outputs.contains(name) || name.startsWith(streamsId + "-"));
        phase("outputs settled");

        List<Output> published = probe.readCommitted(topic);
        Map<String, Long> urls = new TreeMap<>();
        published.forEach(r -> urls.merge(Json.read(r.value(), Article.class).url(), 1L, Long::sum));
        assertThat(urls).as("each replayed article once on %s", topic).hasSize(articles.size())
                .allSatisfy((url, times) -> assertThat(times).isEqualTo(1L));
        assertThat(urls.keySet()).containsExactlyInAnyOrderElementsOf(articles.stream().map(Article::url).toList());
        Map<String, Long> classified = ClusterProbe.counts(probe.readCommitted(Topics.ARTICLES_CLASSIFIED.name()), Output::key);
        assertThat(classified).as("each article classified once").hasSize(articles.size())
                .allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));
        assertThat(classified.keySet()).isEqualTo(new HashSet<>(published.stream().map(Output::key).toList()));
        System.out.printf("replay through a broker restart: %d articles on %s, %d classified%n",
                published.size(), topic, classified.size());
    }

    @Test
    @Order(1)
    void every_article_ingest_answered_202_while_a_broker_restarted_is_on_the_topic() throws Exception {
        String topic = "http.articles";
        probe.createTopic(topic, Topics.ARTICLES, Topics.ARTICLES.partitions());
        probe.createTopic("http.articles.rejected", Topics.ARTICLES_REJECTED, 1);
        int port = LoopbackPorts.freePort();
        RoleProcess ingest = start("ingest", Map.of("flashpoint.ingest.articles-topic", topic,
                        "flashpoint.ingest.rejected-topic", "http.articles.rejected"),
                List.of("ingest", "--bootstrap-servers", cluster.bootstrapServers(), "--port", Integer.toString(port),
                        "--token", TOKEN));
        ingest.awaitReady(START);
        phase("ingest ready");

        // Four clients, 50 requests a second in all, from 5 s before the broker leading partition 0 dies until 5 s
        // after it is back.
        List<Article> articles = Workload.articles("posted-", 6_000, Duration.ofMinutes(1));
        phase(articles.size() + " articles generated");
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/v1/articles");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
        AtomicBoolean brokerDown = new AtomicBoolean();
        AtomicInteger acceptedWhileDown = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int first = c;
            running.add(clients.submit(() -> {
                for (int i = first; i < articles.size() && !stop.get(); i += 4) {
                    long wait = start + TimeUnit.MILLISECONDS.toNanos(20L * i) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    Article a = articles.get(i);
                    String body = Json.writeString(Map.of("title", a.title(), "text", a.text(),
                            "published", a.published().toString(), "url", a.url(), "source", a.source()));
                    boolean sentWhileDown = brokerDown.get();
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 202) {
                            Json.mapper().readTree(response.body()).get("accepted").forEach(id -> accepted.add(id.asText()));
                            if (sentWhileDown && brokerDown.get()) {
                                acceptedWhileDown.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        unanswered.add(a.url() + ": " + e);
                    }
                }
                return null;
            }));
        }
        try {
            Thread.sleep(5_000);
            int victim = probe.leaderOf(topic, 0) - 1;
            brokerDown.set(true);
            cluster.kill(victim);
            phase(String.format("killed broker %d (leader of %s-0) after %d s of HTTP load", cluster.nodeId(victim), topic,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
            outlastFailover(victim, topic);
            cluster.restart(victim);
            brokerDown.set(false);
            phase(String.format("broker %d back after %d s of HTTP load", cluster.nodeId(victim),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
            Thread.sleep(5_000);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            clients.shutdownNow();
        }

        phase("HTTP load over");
        List<Output> onTopic = probe.readCommitted(topic);
        Map<String, Long> ids = ClusterProbe.counts(onTopic, Output::key);
        System.out.printf("HTTP ingest through a broker restart: answers %s (%d accepted while the broker was down), "
                + "%d accepted ids, %d records on %s, %d requests without an answer%n", statuses, acceptedWhileDown.get(),
                accepted.size(), onTopic.size(), topic, unanswered.size());
        assertThat(acceptedWhileDown).as("articles answered 202 while the broker was down").hasPositiveValue();
        assertThat(ids.keySet()).as("every id answered 202 is on " + topic).containsAll(accepted);
        assertThat(accepted).allSatisfy(id -> assertThat(ids.get(id)).as("copies of " + id).isEqualTo(1L));
    }

    /**
     * One replay through two streams instances (one application id) and the alerts role, all under {@code prefix};
     * with {@code crash}, one streams instance gets SIGKILL once a third of the articles are committed. Returns the
     * committed outputs by unprefixed topic name.
     */
    private Map<String, List<Output>> streamsAndAlertsRun(String prefix, List<Article> articles, boolean crash) throws Exception {
        // One partition makes the articles' order, and with it each dyad's order in the by-dyad repartition topic, the
        // same in every run; with six, six tasks would interleave their writes to that topic differently each run.
        // Kafka Streams sizes the repartition topic from its source, so the role runs as two tasks, one per instance
        // with one stream thread each.
        String articlesTopic = prefix + Topics.ARTICLES.name();
        probe.createTopic(articlesTopic, Topics.ARTICLES, 1);
        // Compacted: created here so every version stays readable for the comparison (see createTopic).
        probe.createTopic(prefix + Topics.INCIDENTS.name(), Topics.INCIDENTS, Topics.INCIDENTS.partitions());
        String streamsId = prefix + "streams";
        String alertsId = prefix + "alerts";
        Map<String, String> streamsProps = Map.of("flashpoint.streams.topic-prefix", prefix);
        List<RoleProcess> instances = new ArrayList<>();
        for (String instance : List.of("a", "b")) {
            instances.add(start(prefix + "streams-" + instance, streamsProps, List.of("streams",
                    "--bootstrap-servers", cluster.bootstrapServers(), "--application-id", streamsId,
                    "--state-dir", dir.resolve(prefix + instance).toString(), "--threads", "1",
                    "--port", Integer.toString(LoopbackPorts.freePort()), "--advertised-host", "127.0.0.1",
                    // The survivor takes the killed instance's task once the group drops it: after the session
                    // timeout, 45 s by default, here the broker's minimum.
                    "--kafka-property", "consumer.session.timeout.ms=6000",
                    "--kafka-property", "consumer.heartbeat.interval.ms=1500")));
        }
        RoleProcess alerts = start(prefix + "alerts", Map.of("flashpoint.alerts.topic-prefix", prefix), List.of("alerts",
                "--bootstrap-servers", cluster.bootstrapServers(), "--application-id", alertsId,
                "--state-dir", dir.resolve(prefix + "alerts").toString(), "--port", Integer.toString(LoopbackPorts.freePort())));
        List<RoleProcess> roles = new ArrayList<>(instances);
        roles.add(alerts);
        roles.forEach(r -> r.awaitReady(START));
        phase(prefix + ": streams and alerts ready");
        Await.until("both streams instances of " + streamsId + " owning tasks", START,
                () -> probe.membersWithPartitions(streamsId) == 2);
        phase(prefix + ": both streams instances own tasks");

        Workload.Publisher publisher = Workload.publish(cluster.bootstrapServers(), articlesTopic, articles, 50);
        if (crash) {
            Await.until("a third of the articles committed by " + streamsId, PATIENCE,
                    () -> probe.committed(streamsId, articlesTopic) >= articles.size() / 3);
            long committed = probe.committed(streamsId, articlesTopic);
            assertThat(committed).as("articles committed before the kill").isLessThan(articles.size());
            instances.get(1).kill();
            phase(String.format("SIGKILL to %sstreams-b with %d of %d articles committed", prefix, committed, articles.size()));
            assertThat(instances.get(0).isAlive()).as("the other instance").isTrue();
        }
        publisher.await(PATIENCE);
        phase(prefix + ": all articles published");

        // Outputs, repartition and changelog topics of both roles: everything under the prefix but the input.
        awaitSettled(List.of(streamsId, alertsId), name -> name.startsWith(prefix) && !name.equals(articlesTopic));
        phase(prefix + ": outputs settled");
        RoleProcess.closeAll(roles);
        processes.removeAll(roles);
        phase(prefix + ": roles stopped");

        Map<String, List<Output>> contents = new TreeMap<>();
        for (Topic<String, ?> topic : COMPARED) {
            contents.put(topic.name(), probe.readCommitted(prefix + topic.name()));
        }
        phase(prefix + ": outputs read");
        return contents;
    }

    /**
     * Keeps the killed broker {@code victim} down until another broker leads {@code topic}-0, and 3 s more: clients
     * then work against the two survivors for a while before it comes back. The controller fences a silent broker only
     * after its session timeout (6 s), and a restart can take less, which would put the return before the failover.
     */
    private void outlastFailover(int victim, String topic) throws InterruptedException {
        Await.until("another leader of " + topic + "-0 than broker " + cluster.nodeId(victim), PATIENCE,
                () -> probe.leaderOf(topic, 0) != cluster.nodeId(victim));
        phase(topic + "-0 led by another broker");
        Thread.sleep(3_000);
    }

    /** What a run returned, or what it threw, as itself: an assertion of a run fails the test with its own message. */
    private static <T> T outcome(Future<T> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Where a test's minutes go: each step with the seconds since the test began. */
    private void phase(String what) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - testStart) / 1e9, what);
    }

    private RoleProcess start(String name, Map<String, String> systemProperties, List<String> args) {
        RoleProcess process = RoleProcess.start(name, dir.resolve("logs"), systemProperties, args);
        processes.add(process);
        return process;
    }

    /**
     * Waits until every group of {@code groups} has committed its input to the last record, the topics {@code output}
     * accepts have no open transaction, and all of that has held, unchanged, for {@link #QUIET}. Committed offsets
     * alone are not enough: a task whose instance died commits nothing until another instance takes it over.
     */
    private void awaitSettled(List<String> groups, Predicate<String> output) throws Exception {
        List<String> outputs = probe.topics(output);
        AtomicReference<Map<TopicPartition, Long>> last = new AtomicReference<>(Map.of());
        AtomicLong since = new AtomicLong(System.nanoTime());
        Await.until(groups + " caught up and " + outputs + " settled", PATIENCE, () -> {
            Map<TopicPartition, Long> now = probe.settledOffsets(outputs);
            boolean caughtUp = true;
            for (String group : groups) {
                caughtUp = caughtUp && probe.caughtUp(group);
            }
            if (!caughtUp || now.containsValue(-1L) || !now.equals(last.getAndSet(now))) {
                since.set(System.nanoTime());
                return false;
            }
            return System.nanoTime() - since.get() >= QUIET.toNanos();
        });
    }

    /** Where two runs' outputs differ, key by key; empty when every key has the same values in the same order. */
    private static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<String> want = expected.getOrDefault(key, List.of());
            List<String> got = actual.getOrDefault(key, List.of());
            if (!want.equals(got)) {
                int at = 0;
                while (at < Math.min(want.size(), got.size()) && want.get(at).equals(got.get(at))) {
                    at++;
                }
                differences.add(String.format("%s: %d records expected, %d found, first difference at #%d%s", key,
                        want.size(), got.size(), at, at < Math.min(want.size(), got.size())
                                ? "\n  expected " + abbreviate(want.get(at)) + "\n  found    " + abbreviate(got.get(at)) : ""));
            }
        }
        return differences;
    }

    /** Each partition's (key, value) sequence: equal only if the runs interleaved keys the same way too. */
    private static Map<Integer, List<List<String>>> byPartition(List<Output> records) {
        return records.stream().collect(Collectors.groupingBy(Output::partition, TreeMap::new,
                Collectors.mapping(r -> Arrays.asList(r.key(), r.value()), Collectors.toList())));
    }

    private static String abbreviate(String value) {
        return value.length() <= 400 ? value : value.substring(0, 400) + "…";
    }
}
