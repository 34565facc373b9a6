package org.flashpoint.app.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flashpoint.deploy.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a local multi-node KRaft cluster, one child JVM per node, until Ctrl-C. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Start a local multi-broker KRaft cluster as child JVMs on loopback.",
                "Every node is broker + controller; topics default to replication factor 3 and min.insync.replicas 2.",
                "Data survives restarts in --data-dir (one node-N directory per node, with its node.log).",
                "Prints 'READY bootstrap.servers=HOST:PORT,...' once every broker is up; Ctrl-C stops them all.",
                "Any role takes that list as --bootstrap-servers."})
public final class ClusterCommand implements Callable<Integer> {

    @Option(names = "--brokers", defaultValue = "3", description = "Number of nodes (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--data-dir", defaultValue = ".flashpoint/cluster",
            description = "Where the nodes keep their logs and metadata (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9092",
            description = "Client port of the first node, the others follow; free ports are used if any is taken"
                    + " (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (brokers < 1) {
            System.err.println("flashpoint cluster: --brokers must be at least 1");
            return 2;
        }
        long started = System.nanoTime();
        LocalCluster cluster = LocalCluster.start(brokers, dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping cluster...");
            cluster.close();
            System.out.println("Cluster stopped.");
            stopped.countDown();
        }, "cluster-shutdown"));
        System.out.printf("READY bootstrap.servers=%s brokers=%d replication.factor=%d min.insync.replicas=%d data-dir=%s (%.1f s)%n",
                cluster.bootstrapServers(), cluster.size(), cluster.replicationFactor(), cluster.minInSyncReplicas(),
                cluster.dataDir(), (System.nanoTime() - started) / 1e9);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
