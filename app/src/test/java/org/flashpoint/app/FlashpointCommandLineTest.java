package org.flashpoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's surface: the command names outside checks call, real help texts, usable errors. */
class FlashpointCommandLineTest {

    private static final List<String> COMMANDS = List.of("demo", "broker", "cluster", "ingest", "streams", "alerts",
            "replay", "classify", "evaluate", "backtest", "bench");

    @Test
    void every_documented_command_exists_with_a_description() {
        CommandLine cli = Flashpoint.commandLine();
        assertThat(cli.getSubcommands().keySet()).containsAll(COMMANDS);
        for (String name : COMMANDS) {
            String[] description = cli.getSubcommands().get(name).getCommandSpec().usageMessage().description();
            assertThat(description).as("description of " + name).isNotEmpty();
            assertThat(String.join(" ", description)).as("description of " + name).hasSizeGreaterThan(20);
        }
    }

    @Test
    void help_of_a_command_exits_zero_and_lists_its_options() {
        Run run = run("broker", "--help");
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("--data-dir").contains("--port");
    }

    @Test
    void the_roles_with_write_endpoints_take_a_token_and_ingest_a_rate_limit() {
        for (String command : List.of("ingest", "alerts", "demo")) {
            CommandLine.ParseResult parsed = Flashpoint.commandLine().parseArgs(command, "--token", "t0k3n");
            assertThat(parsed.subcommand().matchedOptionValue("--token", (String) null)).as(command).isEqualTo("t0k3n");
            assertThat(run(command, "--help").out).as(command).contains("--token").contains("FLASHPOINT_TOKEN");
        }
        CommandLine.ParseResult ingest = Flashpoint.commandLine()
                .parseArgs("ingest", "--rate-limit", "0", "--rate-limit-burst", "10");
        assertThat(ingest.subcommand().matchedOptionValue("--rate-limit", -1.0)).isZero();
        assertThat(ingest.subcommand().matchedOptionValue("--rate-limit-burst", -1.0)).isEqualTo(10.0);
    }

    @Test
    void streams_and_alerts_take_repeated_kafka_properties_and_a_malformed_one_is_a_usage_error() {
        for (String command : List.of("streams", "alerts")) {
            CommandLine.ParseResult parsed = Flashpoint.commandLine().parseArgs(command,
                    "--kafka-property", "consumer.session.timeout.ms=6000", "--kafka-property", "sasl.jaas.config=a b=\"c\";");
            assertThat(parsed.subcommand().matchedOptionValue("--kafka-property", Map.of())).as(command)
                    .containsExactly(Map.entry("consumer.session.timeout.ms", "6000"), Map.entry("sasl.jaas.config", "a b=\"c\";"));
            assertThat(run(command, "--help").out).as(command).contains("--kafka-property=KEY=VALUE");

            Run malformed = run(command, "--kafka-property", "commit.interval.ms");
            assertThat(malformed.exit).as(command).isEqualTo(2);
            assertThat(malformed.err.lines().findFirst()).as(command).hasValueSatisfying(line ->
                    assertThat(line).contains("--kafka-property", "KEY=VALUE", "commit.interval.ms"));
        }
    }

    @Test
    void streams_runs_one_thread_per_core_unless_told_otherwise() {
        CommandLine streams = Flashpoint.commandLine().getSubcommands().get("streams");
        assertThat((Integer) streams.getCommandSpec().findOption("--threads").getValue())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(run("streams", "--help").out).contains("one per core");
    }

    @Test
    void an_unknown_command_exits_two_and_says_what_is_wrong() {
        Run run = run("frobnicate");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("frobnicate");
    }

    @Test
    void no_arguments_prints_the_usage_listing_the_commands() {
        Run run = run();
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("demo").contains("classify").contains("backtest");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Flashpoint.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
    }
}
