package org.flashpoint.app.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flashpoint.deploy.broker.EmbeddedKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a real single-node KRaft broker in this JVM until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Start a real single-node Kafka broker (KRaft, broker + controller) in this JVM.",
                "Data survives restarts in --data-dir. Picks a free port when the preferred one is taken.",
                "Prints 'READY bootstrap.servers=HOST:PORT' once clients can connect; Ctrl-C stops it cleanly."})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".flashpoint/kafka",
            description = "Where the broker keeps its logs and metadata (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9092",
            description = "Preferred client port; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping broker...");
            broker.close();
            System.out.println("Broker stopped.");
            stopped.countDown();
        }, "broker-shutdown"));
        if (port > 0 && broker.port() != port) {
            System.out.printf("Port %d is taken; using %d instead.%n", port, broker.port());
        }
        System.out.printf("READY bootstrap.servers=%s data-dir=%s (%.1f s)%n",
                broker.bootstrapServers(), broker.dataDir(), (System.nanoTime() - started) / 1e9);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
