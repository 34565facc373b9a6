package org.flashpoint.deploy.cluster;

import java.io.FileReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One node of a {@link LocalCluster}, run as its own JVM: {@code ClusterNode <server.properties> <cluster-id>}.
 * Formats the node's directories on first start (keeping them on later starts), starts a combined KRaft
 * broker + controller, prints {@value #READY} on stdout once the broker is unfenced, and stops cleanly on SIGTERM
 * or when its standard input closes, so a parent that dies without cleaning up does not leave brokers behind.
 */
public final class ClusterNode {

    /** The line a node prints on stdout when clients can use it. */
    public static final String READY = "FLASHPOINT-NODE-READY";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ClusterNode <server.properties> <cluster-id>");
            System.exit(2);
        }
        Properties props = load(Path.of(args[0]));
        String logDir = props.getProperty("log.dirs");
        String metadataDir = props.getProperty("metadata.log.dir");
        new Formatter()
                .setClusterId(args[1])
                .setNodeId(Integer.parseInt(props.getProperty("node.id")))
                .setControllerListenerName(props.getProperty("controller.listener.names"))
                .setMetadataLogDirectory(metadataDir)
                .setDirectories(List.of(logDir, metadataDir))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                // Classic transactions, as on the embedded broker: with transaction.version 2 a loaded two-core
                // machine saw exactly-once producers stuck retrying OUT_OF_ORDER_SEQUENCE.
                .setFeatureLevel("transaction.version", (short) 1)
                .setIgnoreFormatted(true)
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .run();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "node-shutdown"));
        watchParent();
        server.startup();
        System.out.println(READY);
        System.out.flush();
        stopped.await();
    }

    /** The parent holds our stdin open for as long as it lives; end of input means it is gone. */
    private static void watchParent() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is ever sent; only the end of the stream matters.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of input.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = new FileReader(file.toFile(), java.nio.charset.StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return props;
    }
}
