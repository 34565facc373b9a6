package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Run the ingest role: the HTTP article API publishing to Kafka.")
public final class IngestCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint ingest: not available in this build yet");
        return 3;
    }
}
