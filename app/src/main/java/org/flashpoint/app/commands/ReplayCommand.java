package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Publish a corpus (text, HTML, JSON, NDJSON, WARC, RSS/Atom) to Kafka in publication-time order.")
public final class ReplayCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint replay: not available in this build yet");
        return 3;
    }
}
