package org.flashpoint.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One normalised news article, as ingest publishes it to {@code articles}. The record timestamp on the
 * topic equals {@link #published()} so every downstream step runs on event time.
 *
 * @param id            stable id: hash of the normalised text and the source, so a re-send is a no-op downstream
 * @param source        outlet name or host, null when unknown
 * @param url           canonical URL, null when unknown
 * @param title         headline, never null (may be empty)
 * @param text          normalised body text: page chrome removed, Unicode NFC
 * @param captions      photo captions recognised apart from the body
 * @param language      ISO 639-1 code detected from the text, or "und"
 * @param published     publication time (event time)
 * @param timeSource    where {@code published} came from
 * @param ingestedAt    when ingest accepted the article
 * @param origin        where it came from: file and offset, or HTTP request id
 * @param metadata      unknown input fields kept as they were (labels, notes, ...)
 */
public record Article(
        String id,
        String source,
        String url,
        String title,
        String text,
        List<String> captions,
        String language,
        Instant published,
        TimeSource timeSource,
        Instant ingestedAt,
        String origin,
        Map<String, Object> metadata) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(published, "published");
        title = title == null ? "" : title;
        captions = captions == null ? List.of() : List.copyOf(captions);
        language = language == null ? "und" : language;
        timeSource = timeSource == null ? TimeSource.PUBLISHED : timeSource;
        // Keeps JSON nulls and the input order, so a re-serialised article is byte-identical.
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** Where the publication time of an article was read from. */
    public enum TimeSource {
        /** The document itself stated it. */
        PUBLISHED,
        /** A manifest beside the file stated it. */
        MANIFEST,
        /** Nothing stated it: the time ingest received the article stands in. */
        INGEST_TIME
    }
}
