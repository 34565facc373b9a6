package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "backtest", mixinStandardHelpOptions = true, description = "Run the alert rules offline over a corpus and print the alert timeline.")
public final class BacktestCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint backtest: not available in this build yet");
        return 3;
    }
}
