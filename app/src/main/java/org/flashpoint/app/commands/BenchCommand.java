package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput and latency: raw Kafka, analyzer, full pipeline.")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint bench: not available in this build yet");
        return 3;
    }
}
