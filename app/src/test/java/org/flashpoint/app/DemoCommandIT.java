package org.flashpoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `flashpoint demo --exit-when-idle` as a script runs it: the built jar in a child JVM, a real embedded broker,
 * every role, the bundled synthetic corpus, and the alert timeline on stdout.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DemoCommandIT {

    @TempDir
    Path dir;

    @Test
    void the_demo_raises_and_resolves_an_alert_on_the_sample_story_and_exits() throws Exception {
        Path out = dir.resolve("demo.out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "flashpoint.jar").toAbsolutePath().toString(),
                "demo", "--exit-when-idle", "--port", "0", "--speed", "5000000")
                .redirectErrorStream(false)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("demo.err").toFile())
                .start();
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("demo exits by itself").isTrue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(stdout).isZero();
            assertThat(stdout).contains("Dashboard: http://127.0.0.1:").contains("Replay done");
            List<String> notices = stdout.lines().filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.*")).toList();
            assertThat(notices).as("alert timeline in:%n%s", stdout).isNotEmpty();
            assertThat(notices).anyMatch(l -> l.contains("ARM-AZE") && (l.contains("FIRING") || l.contains("UPGRADED")));
            assertThat(notices).anyMatch(l -> l.contains("ARM-AZE") && l.contains("RESOLVED"));
            assertThat(notices).as("only the story's dyad alerts").allMatch(l -> l.contains("ARM-AZE"));
        } finally {
            process.destroyForcibly();
        }
    }
}
