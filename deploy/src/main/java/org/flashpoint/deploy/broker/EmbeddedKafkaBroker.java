package org.flashpoint.deploy.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.flashpoint.deploy.ports.LoopbackPorts;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) running in this JVM, from the Maven Central
 * broker jars. Its data directory survives restarts; internal topics use replication factor 1 so transactions,
 * and therefore exactly-once Kafka Streams, work on it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Port tried first when none is given. */
    public static final int DEFAULT_PORT = 9092;

    private static final String TRANSACTION_VERSION = "transaction.version";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Formats {@code dataDir} if it is new and starts the broker on {@code preferredPort}, or on a free port when
     * that one is taken (0 means any free port).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int preferredPort) {
        return start(dataDir, preferredPort, false);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, int preferredPort, boolean deleteOnClose) {
        int port = preferredPort > 0 && LoopbackPorts.isFree(preferredPort) ? preferredPort : LoopbackPorts.freePort();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir.toAbsolutePath(), port, LoopbackPorts.freePort(), deleteOnClose);
        broker.startServer();
        return broker;
    }

    /** A throwaway broker in a fresh temporary directory, deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            Path dir = Files.createTempDirectory("flashpoint-kafka-");
            return start(dir, 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void startServer() {
        try {
            Files.createDirectories(dataDir);
            Path logs = dataDir.resolve("logs");
            Path meta = dataDir.resolve("metadata");
            Properties props = brokerProperties(logs, meta);
            String clusterId = readOrCreateClusterId();
            new Formatter()
                    .setClusterId(clusterId)
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(meta.toString())
                    .setDirectories(List.of(logs.toString(), meta.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    // Classic transactions (KIP-98). With transaction.version 2 (KIP-890) a loaded two-core machine
                    // saw exactly-once producers stuck in OUT_OF_ORDER_SEQUENCE retries after CONCURRENT_TRANSACTIONS.
                    .setFeatureLevel(TRANSACTION_VERSION, (short) 1)
                    .setIgnoreFormatted(true)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Properties brokerProperties(Path logs, Path meta) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("metadata.log.dir", meta.toString());
        // One node: every internal topic at replication factor 1, else transactions hang (see README).
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        // A development broker: plain clients (kcat, console tools) may write to new topics as on a default Kafka.
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        return p;
    }

    /** Keeps the cluster id across restarts: a reformatted directory would not match its own metadata. */
    private String readOrCreateClusterId() throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; the broker itself is already down.
        }
    }
}
