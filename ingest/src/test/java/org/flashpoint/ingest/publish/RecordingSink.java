package org.flashpoint.ingest.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.RejectedRecord;

/** Keeps what would have gone to Kafka. */
public final class RecordingSink implements ArticleSink {

    public final List<Article> articles = new CopyOnWriteArrayList<>();
    public final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> article(Article article) {
        articles.add(article);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> rejected(RejectedRecord rejection) {
        rejected.add(rejection);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
