package org.flashpoint.app.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Flashpoint command in its own JVM, started from the built {@code target/flashpoint.jar} as a user would start
 * it. Its output goes to {@code <name>.log} in the given directory; {@link #awaitReady} waits for the command's
 * {@code READY} line, {@link #kill()} ends it as a crash would and {@link #close()} asks it to stop.
 */
final class RoleProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Children still running; unlike the cluster's nodes they do not watch their parent, so a dying test JVM ends them. */
    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ProcessHandle::destroyForcibly),
                "fault-test-children"));
    }

    private final String name;
    private final Path log;
    private final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private RoleProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code flashpoint <args>} with {@code systemProperties} as {@code -D} options: the settings the commands
     * have no option for, such as {@code flashpoint.streams.topic-prefix}, reach Micronaut that way.
     */
    static RoleProcess start(String name, Path logDir, Map<String, String> systemProperties, List<String> args) {
        Path jar = Path.of("target", "flashpoint.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: these JVMs live a minute or two, and C2 compiling on two shared cores cost more than it
                // gave back (the streams fault test took 115 s with C2, 75-86 s without; the class 7.6 vs 5.4 CPU-min).
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            LIVE.add(process.toHandle());
            process.onExit().thenRun(() -> LIVE.remove(process.toHandle()));
            RoleProcess role = new RoleProcess(name, logDir.resolve(name + ".log"), process);
            role.pumpOutput();
            return role;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits for the command's READY line and returns it; fails with the end of the log otherwise. */
    String awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(name + " printed no READY line within " + timeout.toSeconds() + " s" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
    }

    /** Waits for the command to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not finish within " + timeout.toSeconds() + " s" + logTail());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL, as a crash: no shutdown hook, no Kafka Streams close, no transaction aborted by the process itself.
     * Through the handle, because {@code Process.destroyForcibly()} may also close our end of the child's output.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " survived SIGKILL for " + STOP_TIMEOUT.toSeconds() + " s");
        }
    }

    /** Everything the process printed so far, last lines only. */
    String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (the commands' shutdown hooks close Kafka Streams and the HTTP server), SIGKILL if that hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.toHandle().destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops them all at once: SIGTERM to each first, so their shutdowns overlap, then {@link #close()} each. */
    static void closeAll(Collection<RoleProcess> roles) {
        roles.stream().filter(RoleProcess::isAlive).forEach(role -> role.process.toHandle().destroy());
        roles.forEach(RoleProcess::close);
    }

    /** The pipe must be drained or a chatty child blocks; the READY line completes {@link #ready}. */
    private void pumpOutput() {
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        ready.complete(line);
                    }
                    out.write(line);
                    out.write('\n');
                    out.flush();
                }
            } catch (IOException e) {
                // The child is gone; what it wrote so far is in its log.
            }
            ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready"));
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }
}
