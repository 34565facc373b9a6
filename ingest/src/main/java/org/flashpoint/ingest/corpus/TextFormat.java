package org.flashpoint.ingest.corpus;

import org.flashpoint.contracts.Article.TimeSource;

/**
 * A {@code .txt} file is one article; its first line is the title unless a manifest gives one, or unless it is
 * longer than {@value #MAX_TITLE_CHARS} characters (then it is the lead paragraph and the title stays empty).
 */
final class TextFormat {

    static final int MAX_TITLE_CHARS = 200;

    private TextFormat() {
    }

    static void read(SourceFile file, String content, Emitter out) {
        String text = content.strip();
        ManifestEntry manifest = file.manifest();
        String title = manifest == null ? null : manifest.title();
        int firstBreak = text.indexOf('\n');
        String firstLine = (firstBreak < 0 ? text : text.substring(0, firstBreak)).strip();
        String rest = firstBreak < 0 ? "" : text.substring(firstBreak + 1);
        if (title == null && !rest.isBlank() && firstLine.length() <= MAX_TITLE_CHARS) {
            title = firstLine;
            text = rest;
        } else if (title != null && firstLine.equals(title.strip())) {
            text = rest;
        }
        RawArticle raw = new RawArticle(title, text, null, null, TimeSource.PUBLISHED, null, null, null, null,
                file.at(0), file.bytes());
        out.article(raw.withOverrides(manifest == null ? null
                : new ManifestEntry(manifest.file(), manifest.published(), manifest.source(), null, manifest.url(),
                manifest.metadata())));
    }
}
