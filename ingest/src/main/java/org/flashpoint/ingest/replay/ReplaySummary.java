package org.flashpoint.ingest.replay;

import java.time.Duration;
import java.util.Map;

/**
 * What a replay sent.
 *
 * @param accepted         articles sent to {@code articles}
 * @param rejectedByReason rejections sent to {@code articles.rejected}, by reason code (duplicates included)
 * @param duplicates       how many rejections were duplicates
 * @param skipped          accepted articles not sent because of {@code --max}
 * @param elapsed          wall time of the sending
 */
public record ReplaySummary(int accepted, Map<String, Integer> rejectedByReason, int duplicates, int skipped,
                            Duration elapsed) {

    public ReplaySummary {
        rejectedByReason = Map.copyOf(rejectedByReason);
    }

    public int rejected() {
        return rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double articlesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    /** One line per figure, as the replay command prints it. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("accepted   %d articles -> articles%n", accepted));
        out.append(String.format("rejected   %d -> articles.rejected%n", rejected()));
        new java.util.TreeMap<>(rejectedByReason).forEach((reason, count) ->
                out.append(String.format("  %-18s %d%n", reason, count)));
        out.append(String.format("duplicates %d%n", duplicates));
        if (skipped > 0) {
            out.append(String.format("not sent   %d (over --max)%n", skipped));
        }
        out.append(String.format("took       %.2f s, %.0f articles/s%n", elapsed.toNanos() / 1e9, articlesPerSecond()));
        return out.toString();
    }
}
