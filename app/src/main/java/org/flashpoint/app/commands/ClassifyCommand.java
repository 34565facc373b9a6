package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "classify", mixinStandardHelpOptions = true, description = "Classify articles offline and print one NDJSON object per article.")
public final class ClassifyCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint classify: not available in this build yet");
        return 3;
    }
}
