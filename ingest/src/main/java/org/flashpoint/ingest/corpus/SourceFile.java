package org.flashpoint.ingest.corpus;

import java.time.Instant;
import org.flashpoint.contracts.RejectedRecord;

/**
 * One corpus file, decompressed.
 *
 * @param name     the file name without a {@code .gz} suffix, which decides the format
 * @param origin   how rejections and articles name it (the path as given)
 * @param manifest what a manifest beside it says, or null
 */
record SourceFile(String name, String origin, byte[] bytes, ManifestEntry manifest, Instant now) {

    String at(long offset) {
        return origin + "@" + offset;
    }

    RejectedRecord reject(Reason reason, String detail, long offset, byte[] original) {
        return ArticleBuilder.rejection(reason, detail, at(offset), Corpus.STAGE, now, original);
    }
}
