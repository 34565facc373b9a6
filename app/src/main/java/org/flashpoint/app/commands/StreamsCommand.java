package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "streams", mixinStandardHelpOptions = true, description = "Run the streams role: analysis, incidents, indicators, interactive queries.")
public final class StreamsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint streams: not available in this build yet");
        return 3;
    }
}
