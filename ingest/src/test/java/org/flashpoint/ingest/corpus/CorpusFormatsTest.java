package org.flashpoint.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Article.TimeSource;
import org.flashpoint.ingest.sample.SampleCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFormatsTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final String BODY = "Officials in both capitals said the talks would resume next week after a pause of two months.";

    @TempDir
    Path dir;

    static CorpusBatch read(Path... roots) {
        return Corpus.read(List.of(roots), NOW);
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void aTextFileTakesItsTitleFromTheFirstLineAndHasNoDateOfItsOwn() throws IOException {
        write(dir.resolve("a.txt"), "Talks to resume\n\n" + BODY + "\n");

        Article article = read(dir).articles().get(0);

        assertThat(article.title()).isEqualTo("Talks to resume");
        assertThat(article.text()).isEqualTo(BODY);
        assertThat(article.timeSource()).isEqualTo(TimeSource.INGEST_TIME);
        assertThat(article.published()).isEqualTo(NOW);
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.origin()).endsWith("a.txt@0");
    }

    @Test
    void aManifestBesideTextFilesGivesDateSourceTitleAndKeepsItsOtherFieldsAsMetadata() throws IOException {
        write(dir.resolve("a.txt"), BODY + "\nSecond paragraph.\n");
        write(dir.resolve("manifest.jsonl"), "{\"file\":\"a.txt\",\"published\":\"2024-01-30\",\"source\":\"Wire\","
                + "\"title\":\"Given title\",\"labels\":{\"escalation\":true}}\n");

        CorpusBatch batch = read(dir);

        assertThat(batch.rejected()).isEmpty();
        Article article = batch.articles().get(0);
        assertThat(article.published()).isEqualTo(Instant.parse("2024-01-30T00:00:00Z"));
        assertThat(article.timeSource()).isEqualTo(TimeSource.MANIFEST);
        assertThat(article.source()).isEqualTo("Wire");
        assertThat(article.title()).isEqualTo("Given title");
        assertThat(article.text()).startsWith(BODY);
        assertThat(article.metadata()).containsKey("labels");
    }

    @Test
    void anHtmlPageIsReducedToItsArticleWithChromeDroppedAndCaptionsApart() throws IOException {
        String paragraphs = (BODY + " ").repeat(4);
        write(dir.resolve("p.html"), """
                <html lang="en"><head><title>T | Site</title>
                <meta property="og:site_name" content="Example Wire">
                <meta property="og:title" content="Talks to resume">
                <meta property="article:published_time" content="2024-03-10T05:40:00+01:00">
                <link rel="canonical" href="https://wire.example/talks"></head>
                <body><nav><a href="/">Home</a> <a href="/login">Log in</a></nav>
                <div class="cookie">We use cookies to improve your experience.</div>
                <article><h1>Talks to resume</h1>
                <figure><img src="x.jpg"><figcaption>Delegates arrive at the venue.</figcaption></figure>
                <p>%s</p><p>%s</p><p>Share.</p></article>
                <footer>Subscribe to our newsletter</footer></body></html>
                """.formatted(paragraphs, paragraphs));

        Article article = read(dir).articles().get(0);

        assertThat(article.title()).isEqualTo("Talks to resume");
        assertThat(article.source()).isEqualTo("Example Wire");
        assertThat(article.url()).isEqualTo("https://wire.example/talks");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-10T04:40:00Z"));
        assertThat(article.captions()).containsExactly("Delegates arrive at the venue.");
        assertThat(article.text()).contains(BODY).doesNotContain("Share.", "cookies", "Subscribe", "Log in",
                "Delegates arrive");
    }

    @Test
    void aJsonArrayGivesOneArticleAnItemAndKeepsUnknownFieldsAsMetadata() throws IOException {
        write(dir.resolve("a.json"), """
                [{"title":"One","text":"%s","published":"2024-01-17","source":"W","labels":{"x":1},"id":"d-1"},
                 {"headline":"Two","body":"%s Again.","date":1705449600,"source":{"name":"V"},"link":"https://v.example/2"}]
                """.formatted(BODY, BODY));

        CorpusBatch batch = read(dir);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.articles()).extracting(Article::title).containsExactlyInAnyOrder("One", "Two");
        Article one = batch.articles().stream().filter(a -> a.title().equals("One")).findFirst().orElseThrow();
        assertThat(one.metadata()).containsEntry("id", "d-1").containsKey("labels");
        Article two = batch.articles().stream().filter(a -> a.title().equals("Two")).findFirst().orElseThrow();
        assertThat(two.source()).isEqualTo("V");
        assertThat(two.url()).isEqualTo("https://v.example/2");
        assertThat(two.published()).isEqualTo(Instant.parse("2024-01-17T00:00:00Z"));
        assertThat(two.origin()).matches(".*a\\.json@\\d+");
    }

    @Test
    void aSingleJsonObjectIsOneArticle() throws IOException {
        write(dir.resolve("one.json"), "{\"title\":\"One\",\"text\":\"" + BODY + "\",\"published\":\"2024-01-17\"}");

        assertThat(read(dir).articles()).singleElement().extracting(Article::title).isEqualTo("One");
    }

    @Test
    void ndjsonAndJsonlFilesGiveOneArticleALineWithItsByteOffset() throws IOException {
        String first = "{\"title\":\"A\",\"text\":\"" + BODY + "\",\"published\":\"Wed, 17 Jan 2024 10:00:00 GMT\"}";
        write(dir.resolve("a.ndjson"), first + "\n\n{\"title\":\"B\",\"text\":\"" + BODY + " B.\"}\n");
        write(dir.resolve("b.jsonl"), "{\"title\":\"C\",\"text\":\"" + BODY + " C.\"}\n");

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).extracting(Article::title).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(batch.articles()).extracting(Article::origin)
                .anyMatch(o -> o.endsWith("a.ndjson@" + (first.length() + 2)));
    }

    @Test
    void aGzippedFileIsReadInTheFormatOfItsInnerName() throws IOException {
        Files.write(dir.resolve("a.ndjson.gz"), gzip(("{\"title\":\"A\",\"text\":\"" + BODY + "\"}\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(read(dir).articles()).singleElement().extracting(Article::title).isEqualTo("A");
    }

    @Test
    void anRssFeedGivesOneArticleAnItemWithItsDateLinkAndTheChannelAsSource() throws IOException {
        write(dir.resolve("f.rss"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Feed Wire</title>
                <item><title>A</title><link>https://f.example/a</link><pubDate>Wed, 17 Jan 2024 10:00:00 GMT</pubDate>
                <description>&lt;p&gt;%s&lt;/p&gt;</description></item>
                <item><title>Empty</title><description></description></item>
                </channel></rss>
                """.formatted(BODY));

        CorpusBatch batch = read(dir);

        Article a = batch.articles().get(0);
        assertThat(a.title()).isEqualTo("A");
        assertThat(a.source()).isEqualTo("Feed Wire");
        assertThat(a.url()).isEqualTo("https://f.example/a");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-01-17T10:00:00Z"));
        assertThat(a.text()).isEqualTo(BODY);
        assertThat(batch.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("missing_text");
            assertThat(r.origin()).endsWith("f.rss#item2");
        });
    }

    @Test
    void anAtomFeedGivesOneArticleAnEntryFromContentOrSummary() throws IOException {
        write(dir.resolve("f.atom"), """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
                <entry><title>A</title><link rel="alternate" href="https://a.example/a"/>
                <published>2024-01-17T10:00:00Z</published><summary>%s</summary></entry>
                </feed>
                """.formatted(BODY));

        Article a = read(dir).articles().get(0);

        assertThat(a.source()).isEqualTo("Atom Wire");
        assertThat(a.url()).isEqualTo("https://a.example/a");
        assertThat(a.text()).isEqualTo(BODY);
    }

    @Test
    void aWarcFileGivesOneArticleAnHtmlResponseAndSkipsOtherRecords() throws IOException {
        Files.write(dir.resolve("a.warc"), Warcs.of(
                Warcs.request("https://w.example/a"),
                Warcs.response("https://w.example/a", Warcs.page("A", "2024-01-17T10:00:00Z", BODY)),
                Warcs.response("https://w.example/b", Warcs.page("B", "2024-01-18T10:00:00Z", BODY + " B."))));

        CorpusBatch batch = read(dir);

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.articles()).extracting(Article::title).containsExactly("A", "B");
        assertThat(batch.articles().get(0).url()).isEqualTo("https://w.example/a");
    }

    @Test
    void theBundledSampleCorpusReadsCompletelyInEveryFormatWithOneFrenchArticle() {
        CorpusBatch batch = read(SampleCorpus.extractTo(dir.resolve("sample")));

        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.articles()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(batch.articles()).extracting(a -> a.origin().replaceAll("[@#].*", "").replaceAll(".*\\.", ""))
                .contains("html", "json", "ndjson", "rss", "warc", "txt", "gz");
        assertThat(batch.articles()).filteredOn(a -> a.language().equals("fr")).hasSize(1);
        assertThat(batch.articles()).allSatisfy(a -> assertThat(a.timeSource()).isNotEqualTo(TimeSource.INGEST_TIME));
    }
}
