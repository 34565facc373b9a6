package org.flashpoint.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a corpus for a backtest: corpus JSON files and NDJSON, dates, and what is skipped and why. */
class CorpusFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_directory_is_read_recursively_in_name_order_from_json_and_ndjson_files() throws IOException {
        Files.writeString(dir.resolve("b.json"), """
                {"id": "b", "source": "x.org", "url": "https://x.org/b", "published": "2024-01-17", "title": "T",
                 "text": "body", "labels": {"escalation": true}, "notes": "kept out"}""");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.ndjson"), """
                {"id": "c1", "published": "2024-01-18T06:30:00+05:00", "text": "one"}

                {"id": "c2", "published": "2024-01-19T00:00:00Z", "text": "two"}
                """);
        Files.writeString(dir.resolve("a.json"), "{\"id\": \"a\", \"published\": \"2024-01-16\", \"text\": \"first\"}");
        Files.writeString(dir.resolve("notes.txt"), "not a corpus file");

        CorpusFiles.Read read = CorpusFiles.read(List.of(dir));

        assertThat(read.articles()).extracting(Article::id).containsExactly("a", "b", "c1", "c2");
        assertThat(read.articles()).extracting(Article::published).containsExactly(
                Instant.parse("2024-01-16T00:00:00Z"), Instant.parse("2024-01-17T00:00:00Z"),
                Instant.parse("2024-01-18T01:30:00Z"), Instant.parse("2024-01-19T00:00:00Z"));
        Article b = read.articles().get(1);
        assertThat(b.source()).isEqualTo("x.org");
        assertThat(b.url()).isEqualTo("https://x.org/b");
        assertThat(b.metadata()).isEmpty();
        assertThat(read.articles().get(2).origin()).endsWith("c.ndjson:1");
        assertThat(read.articles().get(3).origin()).endsWith("c.ndjson:3");
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void records_without_a_usable_time_or_text_are_skipped_with_the_reason_and_the_rest_is_read() throws IOException {
        Files.writeString(dir.resolve("corpus.ndjson"), """
                {"id": "undated", "published": null, "text": "x"}
                {"id": "bad-date", "published": "last Tuesday", "text": "x"}
                {"id": "no-text", "published": "2024-01-17"}
                not json
                {"id": "ok", "published": "2024-01-17", "text": "x"}
                """);

        CorpusFiles.Read read = CorpusFiles.read(List.of(dir.resolve("corpus.ndjson")));

        assertThat(read.articles()).extracting(Article::id).containsExactly("ok");
        assertThat(read.skipped()).hasSize(4);
        assertThat(read.skipped().get(0)).endsWith("corpus.ndjson:1: no usable publication time");
        assertThat(read.skipped().get(2)).endsWith("corpus.ndjson:3: not an article (needs id and text)");
        assertThat(read.skipped().get(3)).contains("corpus.ndjson:4: not JSON");
    }

    @Test
    void a_missing_path_fails_naming_it() {
        assertThatThrownBy(() -> CorpusFiles.read(List.of(dir.resolve("nowhere"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nowhere");
    }
}
