package org.flashpoint.streams.topology;

import org.apache.kafka.streams.processor.api.Record;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.PayloadException;

/** Reads the raw bytes of {@code articles} so a malformed payload is rejected with its reason instead of skipped. */
final class ParseArticles extends GuardedProcessor<byte[], Article> {

    ParseArticles() {
        super("processing_failed");
    }

    @Override
    void handle(Record<String, byte[]> record) {
        if (record.value() == null) {
            reject(record, "empty_record", "an article record needs a JSON value; a null value (tombstone) was sent");
            return;
        }
        Article article;
        try {
            article = Json.read(record.value(), Article.class);
        } catch (PayloadException e) {
            reject(record, "invalid_article", e.getMessage() + "; fix the producer or re-send the article through ingest");
            return;
        }
        // From here on the record time is the publication time, whatever the producer stamped.
        emit(record, article.id(), article, article.published().toEpochMilli());
    }
}
