package org.flashpoint.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.ingest.corpus.ArticleBuilder;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.flashpoint.ingest.http.ArticleIntake;
import org.flashpoint.ingest.normalize.Dates;
import org.flashpoint.ingest.publish.RecordingSink;

/**
 * Hostile input for every corpus format and for the HTTP article intake. Whatever the bytes, reading a file never
 * throws; every article has an id, text and a publication time at most the tolerated day after ingest time; a
 * single-document file (HTML) ends as an article or a rejection, never in silence (containers — JSON arrays, NDJSON,
 * feeds, WARC — may legitimately hold nothing); a request body gets one of the documented statuses.
 * In the normal build each test replays its saved inputs (src/test/resources/.../ParserFuzzTestInputs/&lt;test&gt;/);
 * {@code mvn -Pfuzz} fuzzes, one test at a time (see the profile in this module's pom).
 */
class ParserFuzzTest {

    /** A -Pfuzz run ends after this many executions of one test... */
    private static final long RUNS = 100_000;
    /** ...not after Jazzer's default 5 minutes, which stopped the HTML target here at about 30,000. */
    private static final String MAX_DURATION = "2h";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Path DIR = tempDir();
    private static final ArticleBuilder BUILDER = ArticleBuilder.defaults();

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_html_file_is_read_or_rejected(byte[] bytes) {
        CorpusBatch batch = readAs("page.html", bytes);
        assertThat(batch.articles().size() + batch.rejected().size() + batch.duplicates())
                .as("an HTML file yields an article or a rejection").isPositive();
    }

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_warc_file_is_read_or_rejected(byte[] bytes) {
        readAs("crawl.warc", bytes);
    }

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_rss_or_atom_feed_is_read_or_rejected(byte[] bytes) {
        readAs("feed.rss", bytes);
    }

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_json_file_is_read_or_rejected(byte[] bytes) {
        readAs("articles.json", bytes);
    }

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_ndjson_file_is_read_or_rejected(byte[] bytes) {
        readAs("articles.ndjson", bytes);
    }

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_date_text_parses_or_is_refused_with_an_illegal_argument(String text) {
        try {
            assertThat(Dates.parse(text)).isNotNull();
        } catch (IllegalArgumentException refused) {
            // The documented refusal; anything else escaping is a finding.
        }
    }

    @FuzzTest(maxExecutions = RUNS, maxDuration = MAX_DURATION)
    void any_http_request_body_gets_a_documented_status(FuzzedDataProvider data) {
        String contentType = data.pickValue(List.of("application/json", "application/x-ndjson", "text/plain"));
        RecordingSink sink = new RecordingSink();

        ArticleIntake.Result result = new ArticleIntake(BUILDER, sink)
                .accept(data.consumeRemainingAsBytes(), contentType, "fuzz", NOW);

        assertThat(result.status()).isIn(202, 400, 413, 415, 422);
        assertThat(sink.articles).extracting(Article::id).containsExactlyElementsOf(result.accepted());
        assertThat(sink.rejected).as("every error is dead-lettered").hasSizeGreaterThanOrEqualTo(result.errors().size());
    }

    private static CorpusBatch readAs(String name, byte[] bytes) {
        Path file = DIR.resolve(name);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CorpusBatch batch = Corpus.read(List.of(file), NOW);
        for (Article article : batch.articles()) {
            assertThat(article.id()).isNotBlank();
            assertThat(article.text()).isNotBlank();
            assertThat(article.published()).isBeforeOrEqualTo(NOW.plus(ArticleBuilder.FUTURE_TOLERANCE));
        }
        return batch;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("flashpoint-fuzz-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
