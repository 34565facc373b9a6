package org.flashpoint.app;

import org.flashpoint.app.commands.AlertsCommand;
import org.flashpoint.app.commands.BacktestCommand;
import org.flashpoint.app.commands.BenchCommand;
import org.flashpoint.app.commands.BrokerCommand;
import org.flashpoint.app.commands.ClassifyCommand;
import org.flashpoint.app.commands.ClusterCommand;
import org.flashpoint.app.commands.DemoCommand;
import org.flashpoint.app.commands.EvaluateCommand;
import org.flashpoint.app.commands.IngestCommand;
import org.flashpoint.app.commands.ReplayCommand;
import org.flashpoint.app.commands.StreamsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable. Each subcommand is a thin adapter over a module's tested code. */
@Command(name = "flashpoint",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Event-stream monitor of interstate tension on Apache Kafka.",
                "Reads news, finds which pairs of states escalate or calm down, and says why."},
        subcommands = {
                DemoCommand.class,
                BrokerCommand.class,
                ClusterCommand.class,
                IngestCommand.class,
                StreamsCommand.class,
                AlertsCommand.class,
                ReplayCommand.class,
                ClassifyCommand.class,
                EvaluateCommand.class,
                BacktestCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'flashpoint help COMMAND' for the options of one command."})
public final class Flashpoint implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Flashpoint())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
