package org.flashpoint.ingest.replay;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows replay progress: a redrawn bar with articles/s and ETA on a terminal, or a plain line every few
 * seconds (and at the end) when the output is a file or a pipe.
 */
public final class ProgressPrinter implements Replay.Progress {

    private static final int WIDTH = 30;
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private Duration lastLine = Duration.ZERO;
    private long lastDrawNanos = -1;

    public ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void sent(int done, int total, Duration elapsed) {
        boolean last = done == total;
        if (terminal) {
            // Redraw at most ten times a second: printing every record would slow a fast replay down.
            if (!last && lastDrawNanos >= 0 && elapsed.toNanos() - lastDrawNanos < 100_000_000L) {
                return;
            }
            lastDrawNanos = elapsed.toNanos();
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + line(done, total, elapsed));
            if (last) {
                out.println();
            }
            out.flush();
        } else if (last || elapsed.minus(lastLine).compareTo(LINE_EVERY) >= 0) {
            lastLine = elapsed;
            out.println("replay: " + line(done, total, elapsed));
        }
    }

    static String line(int done, int total, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? String.format("%.0fs", (total - done) / rate) : "?";
        return String.format("%d/%d articles, %.0f articles/s, ETA %s", done, total, rate, eta);
    }
}
