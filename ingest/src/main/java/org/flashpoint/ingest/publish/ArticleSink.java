package org.flashpoint.ingest.publish;

import java.util.concurrent.CompletableFuture;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.RejectedRecord;

/** Where accepted articles and rejections go: Kafka in production, a list in tests. */
public interface ArticleSink extends AutoCloseable {

    /** Sends an article keyed by its id with its publication time as record time; completes when acknowledged. */
    CompletableFuture<Void> article(Article article);

    /** Sends a rejection to the dead-letter topic; completes when acknowledged. */
    CompletableFuture<Void> rejected(RejectedRecord rejection);

    /** Waits until everything sent so far is acknowledged. */
    void flush();

    @Override
    void close();
}
