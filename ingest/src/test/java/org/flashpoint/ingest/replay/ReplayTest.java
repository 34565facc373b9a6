package org.flashpoint.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.flashpoint.ingest.publish.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A clock that only moves when the replay sleeps, recording each sleep. */
    static final class FakeClock implements Replay.Clock {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private CorpusBatch corpus() throws IOException {
        // File order differs from date order; two articles share a date (a tie kept in file order).
        Files.writeString(dir.resolve("a.ndjson"), String.join("\n",
                line("Third", "2024-01-03T00:00:00Z"),
                line("First", "2024-01-01T00:00:00Z"),
                line("Tie one", "2024-01-02T00:00:00Z"),
                line("Tie two", "2024-01-02T00:00:00Z"),
                "{\"title\":\"bad\"}"));
        return Corpus.read(List.of(dir), NOW);
    }

    private static String line(String title, String published) {
        return "{\"title\":\"" + title + "\",\"text\":\"Report number " + title + " about the talks.\",\"published\":\""
                + published + "\"}";
    }

    @Test
    void articlesGoInPublicationOrderStableForTiesAfterTheRejections() throws IOException {
        RecordingSink sink = new RecordingSink();

        ReplaySummary summary = Replay.run(corpus(), ReplayOptions.unlimited(), sink, (d, t, e) -> { }, new FakeClock());

        assertThat(sink.articles).extracting(Article::title).containsExactly("First", "Tie one", "Tie two", "Third");
        assertThat(sink.rejected).extracting(r -> r.reason()).containsExactly("missing_text");
        assertThat(summary.accepted()).isEqualTo(4);
        assertThat(summary.rejectedByReason()).containsEntry("missing_text", 1);
        assertThat(summary.duplicates()).isZero();
    }

    @Test
    void readingTheSameCorpusTwiceGivesTheSameIdsSoAResendIsANoOpDownstream() throws IOException {
        CorpusBatch first = corpus();
        CorpusBatch second = Corpus.read(List.of(dir), NOW.plusSeconds(3600));

        assertThat(second.articles()).extracting(Article::id)
                .containsExactlyElementsOf(first.articles().stream().map(Article::id).toList());
    }

    @Test
    void theSameTextFromAnotherSourceIsADifferentArticle() {
        assertThat(org.flashpoint.ingest.corpus.ArticleBuilder.idOf("text", "A"))
                .isNotEqualTo(org.flashpoint.ingest.corpus.ArticleBuilder.idOf("text", "B"))
                .hasSize(32);
    }

    @Test
    void maxSendsOnlyTheEarliestArticlesAndCountsTheRestAsNotSent() throws IOException {
        RecordingSink sink = new RecordingSink();

        ReplaySummary summary = Replay.run(corpus(), new ReplayOptions(0, 0, 2), sink, (d, t, e) -> { }, new FakeClock());

        assertThat(sink.articles).extracting(Article::title).containsExactly("First", "Tie one");
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(2);
    }

    @Test
    void speedSpacesArticlesByTheirPublicationGapsOnTheSimulatedClock() throws IOException {
        FakeClock clock = new FakeClock();

        Replay.run(corpus(), new ReplayOptions(86_400, 0, 0), new RecordingSink(), (d, t, e) -> { }, clock);

        // One day of news a second: the articles are due at 0 s, 1 s, 1 s and 2 s.
        assertThat(clock.sleeps).containsExactly(1_000_000_000L, 1_000_000_000L);
    }

    @Test
    void rateCapsArticlesPerSecond() throws IOException {
        FakeClock clock = new FakeClock();

        Replay.run(corpus(), new ReplayOptions(0, 4, 0), new RecordingSink(), (d, t, e) -> { }, clock);

        assertThat(clock.sleeps).containsExactly(250_000_000L, 250_000_000L, 250_000_000L);
    }

    @Test
    void progressIsToldAfterEveryArticleAndPlainLinesEndWithTheTotal() throws IOException {
        List<Integer> done = new ArrayList<>();
        Replay.run(corpus(), ReplayOptions.unlimited(), new RecordingSink(), (d, t, e) -> done.add(d), new FakeClock());
        var bytes = new java.io.ByteArrayOutputStream();
        ProgressPrinter plain = new ProgressPrinter(new java.io.PrintStream(bytes, true), false);

        plain.sent(1, 4, Duration.ofMillis(10));
        plain.sent(4, 4, Duration.ofSeconds(2));

        assertThat(done).containsExactly(1, 2, 3, 4);
        assertThat(bytes.toString()).isEqualTo("replay: 4/4 articles, 2 articles/s, ETA 0s" + System.lineSeparator());
    }

    @Test
    void aDryRunListsEveryArticleAndEveryRejectionWithItsReason() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();

        DryRun.print(corpus(), new java.io.PrintStream(bytes, true));

        assertThat(bytes.toString()).contains("Tie two", "4 articles would be sent", "missing_text", "a.ndjson@");
    }
}
