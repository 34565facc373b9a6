package org.flashpoint.ingest.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flashpoint.contracts.Article;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.flashpoint.ingest.publish.ArticleSink;

/**
 * Publishes a {@link CorpusBatch}: rejections first, then the articles in publication-time order, paced by
 * {@link ReplayOptions}. Returns once every record is acknowledged, so the summary equals what is on the topics.
 */
public final class Replay {

    /** Told after each article sent. */
    @FunctionalInterface
    public interface Progress {
        void sent(int done, int total, Duration elapsed);
    }

    /** Waits; the clock is an input so pacing is testable without sleeping. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    private Replay() {
    }

    public static ReplaySummary run(CorpusBatch batch, ReplayOptions options, ArticleSink sink, Progress progress) {
        return run(batch, options, sink, progress, Clock.SYSTEM);
    }

    public static ReplaySummary run(CorpusBatch batch, ReplayOptions options, ArticleSink sink, Progress progress,
                                    Clock clock) {
        long start = clock.nanoTime();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        batch.rejected().forEach(r -> pending.add(sink.rejected(r)));
        List<Article> articles = batch.articles();
        int total = options.max() > 0 ? Math.min(options.max(), articles.size()) : articles.size();
        try {
            for (int i = 0; i < total; i++) {
                Article article = articles.get(i);
                long due = start + dueOffset(options, articles.get(0), article, i);
                long wait = due - clock.nanoTime();
                if (wait > 0) {
                    clock.sleepNanos(wait);
                }
                pending.add(sink.article(article));
                progress.sent(i + 1, total, Duration.ofNanos(clock.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
        sink.flush();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Kafka did not acknowledge every record: " + e.getCause().getMessage(), e);
        }
        return new ReplaySummary(total, batch.rejectedByReason(), batch.duplicates(), articles.size() - total,
                Duration.ofNanos(clock.nanoTime() - start));
    }

    /** Nanoseconds after the start at which article {@code index} may go: the later of the two paces. */
    static long dueOffset(ReplayOptions options, Article first, Article article, int index) {
        long bySpeed = options.speed() > 0
                ? (long) (Duration.between(first.published(), article.published()).toNanos() / options.speed())
                : 0;
        long byRate = options.rate() > 0 ? (long) (index * 1e9 / options.rate()) : 0;
        return Math.max(bySpeed, byRate);
    }
}
