package org.flashpoint.ingest.corpus;

import java.util.List;
import java.util.Map;
import org.flashpoint.contracts.Article.TimeSource;

/**
 * An article as a format reader found it, before normalisation: either {@code text} or {@code html} is set.
 *
 * @param published  a date as written (text or epoch number), or null when the input gives none
 * @param timeSource where {@code published} came from when set
 * @param origin     file and byte offset, or HTTP request and item
 * @param original   the bytes the item was read from, for the dead-letter record
 */
public record RawArticle(String title, String text, String html, Object published, TimeSource timeSource,
                         String source, String url, List<String> captions, Map<String, Object> metadata,
                         String origin, byte[] original) {

    public RawArticle {
        captions = captions == null ? List.of() : captions;
        metadata = metadata == null ? Map.of() : metadata;
    }

    public RawArticle withOverrides(ManifestEntry entry) {
        if (entry == null) {
            return this;
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(metadata);
        merged.putAll(entry.metadata());
        return new RawArticle(
                entry.title() != null ? entry.title() : title, text, html,
                entry.published() != null ? entry.published() : published,
                entry.published() != null ? TimeSource.MANIFEST : timeSource,
                entry.source() != null ? entry.source() : source,
                entry.url() != null ? entry.url() : url,
                captions, merged, origin, original);
    }
}
