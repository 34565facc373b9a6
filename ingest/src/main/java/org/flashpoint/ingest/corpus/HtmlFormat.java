package org.flashpoint.ingest.corpus;

/** An {@code .html} file is one article page. */
final class HtmlFormat {

    private HtmlFormat() {
    }

    static void read(SourceFile file, String content, Emitter out) {
        out.article(new RawArticle(null, null, content, null, null, null, null, null, null, file.at(0), file.bytes())
                .withOverrides(file.manifest()));
    }
}
