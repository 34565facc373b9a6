package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Score the classifier against labeled JSON files (LABELING.md format).")
public final class EvaluateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint evaluate: not available in this build yet");
        return 3;
    }
}
