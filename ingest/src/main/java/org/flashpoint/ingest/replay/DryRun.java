package org.flashpoint.ingest.replay;

import java.io.PrintStream;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.ingest.corpus.CorpusBatch;

/** Prints what a replay would send, and every rejection with its reason, without touching Kafka. */
public final class DryRun {

    private DryRun() {
    }

    public static void print(CorpusBatch batch, PrintStream out) {
        out.printf("%-20s %-11s %-4s %-32s %-24s %s%n", "published", "time from", "lang", "id", "source", "title");
        for (Article a : batch.articles()) {
            out.printf("%-20s %-11s %-4s %-32s %-24s %s%n", a.published().toString().substring(0, 19) + "Z",
                    a.timeSource(), a.language(), a.id(), cut(a.source(), 24), cut(a.title(), 60));
        }
        out.printf("%n%d articles would be sent to articles.%n", batch.articles().size());
        if (!batch.rejected().isEmpty()) {
            out.printf("%n%d rejected (would go to articles.rejected):%n", batch.rejected().size());
            for (RejectedRecord r : batch.rejected()) {
                out.printf("  %-18s %s%n  %-18s %s%n", r.reason(), r.origin(), "", r.message());
            }
        }
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
