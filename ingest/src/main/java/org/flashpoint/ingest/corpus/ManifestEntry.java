package org.flashpoint.ingest.corpus;

import java.util.Map;

/** What a {@code manifest.jsonl} line says about one file; other fields of the line are kept as metadata. */
public record ManifestEntry(String file, Object published, String source, String title, String url,
                           Map<String, Object> metadata) {
}
