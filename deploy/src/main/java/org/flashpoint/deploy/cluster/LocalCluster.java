package org.flashpoint.deploy.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.flashpoint.deploy.ports.LoopbackPorts;

/**
 * A real multi-node Kafka cluster on loopback: every node is a combined KRaft broker + controller in its own child
 * JVM ({@link ClusterNode}, started with this JVM's class path), all nodes together form a static controller quorum.
 * Topics default to replication factor 3 and min.insync.replicas 2 (less on clusters smaller than three), internal
 * topics too, so a cluster of three survives the loss of any one node without losing acknowledged writes.
 * <p>
 * Nodes are addressed by index, {@code 0 .. size()-1}; {@link #kill(int)} and {@link #restart(int)} are for fault
 * tests. Each node keeps its data under {@code <dataDir>/node-<id>/} with its {@code server.properties} and
 * {@code node.log} (the child's output).
 */
public final class LocalCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final String clusterId;
    private final List<Node> nodes;

    private LocalCluster(Path dataDir, boolean deleteOnClose, String clusterId, List<Node> nodes) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.clusterId = clusterId;
        this.nodes = nodes;
    }

    /**
     * Starts {@code size} nodes with their data under {@code dataDir} (kept across runs) and returns once every
     * broker is unfenced. Client ports are {@code firstPort, firstPort+1, ...} when all are free, otherwise any free
     * ports ({@code firstPort} 0 means any).
     */
    public static LocalCluster start(int size, Path dataDir, int firstPort) {
        return start(size, dataDir.toAbsolutePath(), firstPort, false);
    }

    /** A throwaway cluster in a fresh temporary directory, deleted on {@link #close()}. */
    public static LocalCluster startTemporary(int size) {
        try {
            return start(size, Files.createTempDirectory("flashpoint-cluster-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalCluster start(int size, Path dataDir, int firstPort, boolean deleteOnClose) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
        }
        List<Node> nodes = new ArrayList<>();
        LocalCluster cluster;
        try {
            Files.createDirectories(dataDir);
            String clusterId = readOrCreateClusterId(dataDir);
            List<Integer> clientPorts = clientPorts(size, firstPort);
            List<Integer> controllerPorts = distinctFreePorts(size, clientPorts);
            for (int i = 0; i < size; i++) {
                nodes.add(new Node(i + 1, clientPorts.get(i), controllerPorts.get(i), dataDir.resolve("node-" + (i + 1))));
            }
            cluster = new LocalCluster(dataDir, deleteOnClose, clusterId, List.copyOf(nodes));
            for (Node node : nodes) {
                cluster.writeProperties(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the cluster in " + dataDir, e);
        }
        // All at once: a broker only becomes ready when a quorum of controllers is up.
        try {
            nodes.forEach(cluster::launch);
            for (Node node : nodes) {
                cluster.awaitReady(node);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.clientPort).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The replication factor of new topics and internal topics. */
    public int replicationFactor() {
        return Math.min(3, nodes.size());
    }

    /** The min.insync.replicas of new topics and internal topics. */
    public int minInSyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    /** The Kafka node id of the node at {@code index}. */
    public int nodeId(int index) {
        return node(index).id;
    }

    public boolean isRunning(int index) {
        Process process = node(index).process;
        return process != null && process.isAlive();
    }

    /** Ends the node's JVM with SIGKILL, as a crash would: no controlled shutdown, no flush. */
    public void kill(int index) {
        Node node = node(index);
        if (node.process != null) {
            node.process.destroyForcibly();
            waitFor(node.process, STOP_TIMEOUT);
            node.process = null;
        }
    }

    /** Starts a stopped or killed node again on the same ports and data, and returns once its broker is unfenced. */
    public void restart(int index) {
        Node node = node(index);
        if (isRunning(index)) {
            throw new IllegalStateException("node " + node.id + " is still running");
        }
        launch(node);
        awaitReady(node);
    }

    /** Stops every node (controlled shutdown, all at once so the quorum lasts), then deletes temporary data. */
    @Override
    public void close() {
        List<Process> running = nodes.stream().map(n -> n.process).filter(p -> p != null && p.isAlive()).toList();
        running.forEach(Process::destroy);
        for (Process process : running) {
            if (!waitFor(process, STOP_TIMEOUT)) {
                process.destroyForcibly();
                waitFor(process, STOP_TIMEOUT);
            }
        }
        nodes.forEach(n -> n.process = null);
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private Node node(int index) {
        if (index < 0 || index >= nodes.size()) {
            throw new IndexOutOfBoundsException("no node " + index + " in a cluster of " + nodes.size());
        }
        return nodes.get(index);
    }

    private void launch(Node node) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                ClusterNode.class.getName(), node.propertiesFile().toString(), clusterId);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            node.process = process;
            node.ready = new CompletableFuture<>();
            pumpOutput(node, process, node.ready);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node " + node.id, e);
        }
    }

    /** Copies the child's output to its node.log and notices the ready line; the pipe must be drained anyway. */
    private static void pumpOutput(Node node, Process process, CompletableFuture<Void> ready) {
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer log = Files.newBufferedWriter(node.dir.resolve("node.log"), StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals(ClusterNode.READY)) {
                        ready.complete(null);
                    } else {
                        log.write(line);
                        log.write('\n');
                        log.flush();
                    }
                }
            } catch (IOException e) {
                // The child is gone; what it wrote so far is in its log.
            }
            ready.completeExceptionally(new IllegalStateException("node " + node.id + " exited before it was ready"));
        }, "cluster-node-" + node.id + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitReady(Node node) {
        try {
            node.ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("node " + node.id + " did not become ready within " + START_TIMEOUT.toSeconds()
                    + " s; see " + node.dir.resolve("node.log") + lastLines(node.dir.resolve("node.log")), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for node " + node.id, e);
        }
    }

    private void writeProperties(Node node) throws IOException {
        Files.createDirectories(node.dir);
        String voters = nodes.stream().map(n -> n.id + "@127.0.0.1:" + n.controllerPort).collect(Collectors.joining(","));
        String rf = Integer.toString(replicationFactor());
        String minIsr = Integer.toString(minInSyncReplicas());
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node.id));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + node.clientPort + ",CONTROLLER://127.0.0.1:" + node.controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", node.dir.resolve("logs").toString());
        p.put("metadata.log.dir", node.dir.resolve("metadata").toString());
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // Nodes only stop all together (or crash): a controlled shutdown would wait for controllers that are leaving too.
        p.put("controlled.shutdown.enable", "false");
        // Loopback and shared cores: notice a dead node within seconds, and keep thread counts small.
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", "6000");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.replica.fetchers", "1");
        p.put("background.threads", "4");
        try (Writer out = Files.newBufferedWriter(node.propertiesFile(), StandardCharsets.UTF_8)) {
            p.store(out, "Written by LocalCluster; rewritten with fresh ports on every cluster start.");
        }
    }

    private static List<Integer> clientPorts(int size, int firstPort) {
        List<Integer> preferred = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            preferred.add(firstPort + i);
        }
        if (firstPort > 0 && preferred.stream().allMatch(LoopbackPorts::isFree)) {
            return preferred;
        }
        return distinctFreePorts(size, List.of());
    }

    private static List<Integer> distinctFreePorts(int count, List<Integer> taken) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            // LoopbackPorts never repeats a port, but the preferred client ports in taken did not come from it.
            int port = LoopbackPorts.freePort();
            if (!taken.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** One id for the life of the data directory: a node formatted with another id would refuse to start. */
    private static String readOrCreateClusterId(Path dataDir) throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; the nodes are already down.
        }
    }

    private static final class Node {
        final int id;
        final int clientPort;
        final int controllerPort;
        final Path dir;
        volatile Process process;
        volatile CompletableFuture<Void> ready;

        Node(int id, int clientPort, int controllerPort, Path dir) {
            this.id = id;
            this.clientPort = clientPort;
            this.controllerPort = controllerPort;
            this.dir = dir;
        }

        Path propertiesFile() {
            return dir.resolve("server.properties");
        }
    }
}
