package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Run the alerts role: rules, alert lifecycle, SSE, webhooks and the dashboard.")
public final class AlertsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint alerts: not available in this build yet");
        return 3;
    }
}
