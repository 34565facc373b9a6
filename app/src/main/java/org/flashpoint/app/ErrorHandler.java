package org.flashpoint.app;

import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line a person can act on, and exit code 1
 * (2 is picocli's usage error). {@code FLASHPOINT_DEBUG=1} prints the stack trace too.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println(cmd.getColorScheme().errorText("flashpoint " + cmd.getCommandName() + ": " + message));
        if (System.getenv("FLASHPOINT_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("(set FLASHPOINT_DEBUG=1 for the stack trace)");
        }
        return 1;
    }
}
