package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole pipeline on an embedded broker over the bundled sample corpus, with the dashboard.")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint demo: not available in this build yet");
        return 3;
    }
}
