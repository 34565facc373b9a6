package org.flashpoint.streams.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Drops an article whose id was already processed within the retention window around its event time. Ingest derives
 * ids from text and outlet, so a re-sent or re-crawled article has the same id; one older than the window passes
 * again, and the incident step, which keys reports by article id, makes that harmless.
 */
public final class ArticleDeduplicator {

    private final Duration retention;

    public ArticleDeduplicator(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("dedupe retention must be positive: " + retention);
        }
    }

    public Duration retention() {
        return retention;
    }

    /** True (and remembered) the first time; false for a duplicate. */
    public boolean firstTime(SeenArticles seen, String id, Instant eventTime) {
        if (seen.seenBetween(id, eventTime.minus(retention), eventTime.plus(retention))) {
            return false;
        }
        seen.remember(id, eventTime);
        return true;
    }
}
