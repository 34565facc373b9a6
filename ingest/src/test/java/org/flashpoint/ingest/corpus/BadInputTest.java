package org.flashpoint.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.ingest.corpus.CorpusFormatsTest.BODY;
import static org.flashpoint.ingest.corpus.CorpusFormatsTest.NOW;
import static org.flashpoint.ingest.corpus.CorpusFormatsTest.gzip;
import static org.flashpoint.ingest.corpus.CorpusFormatsTest.read;
import static org.flashpoint.ingest.corpus.CorpusFormatsTest.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.RejectedRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @TempDir
    Path dir;

    private RejectedRecord onlyRejection(CorpusBatch batch) {
        assertThat(batch.rejected()).hasSize(1);
        RejectedRecord rejection = batch.rejected().get(0);
        assertThat(rejection.stage()).isEqualTo("replay");
        assertThat(rejection.rejectedAt()).isEqualTo(NOW);
        assertThat(rejection.message()).isNotBlank();
        return rejection;
    }

    @Test
    void anEmptyFileIsRejectedAsEmpty() throws IOException {
        Files.write(dir.resolve("e.txt"), new byte[0]);

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("empty");
        assertThat(r.origin()).endsWith("e.txt");
    }

    @Test
    void binaryGarbageIsRejectedWithItsOriginalBytes() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("g.json"), garbage);

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("binary_content");
        assertThat(r.payloadBytes()).isEqualTo(4096);
    }

    @Test
    void invalidUtf8IsRejected() throws IOException {
        byte[] latin1 = ("Caf\u00e9 talks resume. " + BODY).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("l.txt"), latin1);

        assertThat(onlyRejection(read(dir)).reason()).isEqualTo("invalid_utf8");
    }

    @Test
    void aTruncatedGzipFileIsRejected() throws IOException {
        byte[] whole = gzip(("{\"text\":\"" + BODY.repeat(50) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("t.ndjson.gz"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(onlyRejection(read(dir)).reason()).isEqualTo("truncated_gzip");
    }

    @Test
    void aTruncatedWarcKeepsTheRecordsBeforeTheCutAndRejectsTheRest() throws IOException {
        byte[] first = Warcs.response("https://w.example/a", Warcs.page("A", "2024-01-17T10:00:00Z", BODY));
        byte[] second = Warcs.response("https://w.example/b", Warcs.page("B", "2024-01-18T10:00:00Z", BODY + " B."));
        byte[] both = Warcs.of(first, second);
        Files.write(dir.resolve("t.warc"), Arrays.copyOf(both, first.length + second.length / 2));

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).extracting(Article::title).containsExactly("A");
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("truncated_warc");
        assertThat(r.origin()).endsWith("t.warc@" + first.length);
    }

    @Test
    void aWarcCutInsideARecordHeaderIsRejectedToo() throws IOException {
        byte[] first = Warcs.response("https://w.example/a", Warcs.page("A", "2024-01-17T10:00:00Z", BODY));
        byte[] second = Warcs.response("https://w.example/b", Warcs.page("B", "2024-01-18T10:00:00Z", BODY + " B."));
        Files.write(dir.resolve("t.warc"), Arrays.copyOf(Warcs.of(first, second), first.length + 30));

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).extracting(Article::title).containsExactly("A");
        assertThat(onlyRejection(batch).reason()).isEqualTo("truncated_warc");
    }

    @Test
    void jsonWithoutTextIsRejectedNamingTheItem() throws IOException {
        write(dir.resolve("a.json"), "[{\"title\":\"ok\",\"text\":\"" + BODY + "\"},{\"title\":\"no text\"}]");

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).hasSize(1);
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("missing_text");
        assertThat(r.payload()).contains("no text");
    }

    @Test
    void textOverTheSizeLimitIsRejectedAndItsPayloadCut() throws IOException {
        write(dir.resolve("big.txt"), "Title\n" + "word ".repeat(ArticleBuilder.MAX_TEXT_CHARS / 5 + 10));

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("text_too_large");
        assertThat(r.truncated()).isTrue();
        assertThat(r.payload()).hasSize(RejectedRecord.PAYLOAD_LIMIT);
    }

    @Test
    void anUnparseableDateIsRejectedQuotingTheDate() throws IOException {
        write(dir.resolve("a.json"), "{\"text\":\"" + BODY + "\",\"published\":\"sometime last spring\"}");

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("unparseable_date");
        assertThat(r.message()).contains("sometime last spring");
    }

    @Test
    void aDateInTheFutureIsRejected() throws IOException {
        write(dir.resolve("a.json"), "{\"text\":\"" + BODY + "\",\"published\":\"2026-03-01T00:00:00Z\"}");

        assertThat(onlyRejection(read(dir)).reason()).isEqualTo("future_date");
    }

    @Test
    void aDuplicateIsRejectedAndCountedNamingTheFirstCopy() throws IOException {
        write(dir.resolve("a.txt"), "Title\n" + BODY);
        write(dir.resolve("b.txt"), "Other title\n" + BODY);

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).hasSize(1);
        assertThat(batch.duplicates()).isEqualTo(1);
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("duplicate");
        assertThat(r.origin()).contains("b.txt");
        assertThat(r.message()).contains("a.txt");
    }

    @Test
    void aSymlinkLoopIsRejectedAndTheRestOfTheDirectoryStillRead() throws IOException {
        write(dir.resolve("sub/a.txt"), "Title\n" + BODY);
        Files.createSymbolicLink(dir.resolve("sub/loop"), dir);

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).hasSize(1);
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("symlink_loop");
        assertThat(r.origin()).endsWith("loop");
    }

    @Test
    void aSymlinkOutOfTheGivenPathsIsRefused(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("secret.txt"), "Secret\n" + BODY);
        Files.createDirectories(dir.resolve("corpus"));
        Files.createSymbolicLink(dir.resolve("corpus/link.txt"), elsewhere.resolve("secret.txt"));

        CorpusBatch batch = read(dir.resolve("corpus"));

        assertThat(batch.articles()).isEmpty();
        assertThat(onlyRejection(batch).reason()).isEqualTo("outside_root");
    }

    @Test
    void anRssFileWithAnExternalEntityIsRefusedWithoutReadingTheEntity(@TempDir Path elsewhere) throws IOException {
        Path secret = write(elsewhere.resolve("secret.txt"), "TOP-SECRET-VALUE");
        write(dir.resolve("evil.rss"), """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>Evil</title>
                <item><title>A</title><description>&xxe; %s</description></item></channel></rss>
                """.formatted(secret.toUri(), BODY));

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).isEmpty();
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("xml_dtd_refused");
        assertThat(r.message()).doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void aFileOfAnUnsupportedTypeIsRejectedWhileMarkdownDocumentationIsPassedOver() throws IOException {
        write(dir.resolve("README.md"), "# About this corpus");
        write(dir.resolve("notes.docx"), "not a corpus file");

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("unsupported_format");
        assertThat(r.origin()).endsWith("notes.docx");
    }

    @Test
    void aBadNdjsonLineIsRejectedWithItsOffsetAndTheOtherLinesAccepted() throws IOException {
        write(dir.resolve("a.ndjson"), "{\"text\":\"" + BODY + "\"}\n{broken\n");

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).hasSize(1);
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("malformed");
        assertThat(r.payload()).isEqualTo("{broken");
        assertThat(r.origin()).endsWith("a.ndjson@" + (BODY.length() + 12));
    }

    @Test
    void aRelativeLinkThatClimbsOutWithDotDotIsRefusedWhileARootSpelledWithDotDotIsRead() throws IOException {
        write(dir.resolve("secret.txt"), "Secret\n" + BODY);
        write(dir.resolve("corpus/a.txt"), "Title\n" + BODY + " A.");
        Files.createSymbolicLink(dir.resolve("corpus/up.txt"), Path.of("..", "secret.txt"));

        CorpusBatch batch = read(dir.resolve("corpus").resolve("..").resolve("corpus"));

        assertThat(batch.articles()).extracting(Article::title).containsExactly("Title");
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("outside_root");
        assertThat(r.origin()).endsWith("up.txt");
    }

    @Test
    void aLinkedDirectoryOutsideTheRootsIsRefusedWithoutReadingAnythingInIt(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("one.txt"), "One\n" + BODY);
        write(elsewhere.resolve("two.txt"), "Two\n" + BODY + " Two.");
        Files.createDirectories(dir.resolve("corpus"));
        Files.createSymbolicLink(dir.resolve("corpus/linked"), elsewhere);

        CorpusBatch batch = read(dir.resolve("corpus"));

        assertThat(batch.articles()).isEmpty();
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("outside_root");
        assertThat(r.payloadBytes()).isZero();
    }

    @Test
    void aManifestLinkedFromOutsideTheRootsIsRefusedAndNotApplied(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("manifest.jsonl"), "{\"file\":\"a.txt\",\"title\":\"FROM-OUTSIDE\"}\n");
        write(dir.resolve("corpus/a.txt"), "Title\n" + BODY);
        Files.createSymbolicLink(dir.resolve("corpus/manifest.jsonl"), elsewhere.resolve("manifest.jsonl"));

        CorpusBatch batch = read(dir.resolve("corpus"));

        assertThat(batch.articles()).extracting(Article::title).containsExactly("Title");
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("outside_root");
        assertThat(r.origin()).endsWith("manifest.jsonl");
    }

    @Test
    @Timeout(30)
    void aNamedPipeIsRejectedInsteadOfBlockingTheReplay() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException noMkfifo) {
            Assumptions.abort("mkfifo is not available here: " + noMkfifo.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("unreadable");
        assertThat(r.message()).contains("not a regular file");
    }

    @Test
    void aGzipFileThatInflatesOverTheFileLimitIsRejectedAsTooLarge() throws IOException {
        Files.write(dir.resolve("bomb.txt.gz"), gzip(new byte[5_000]));

        RejectedRecord r = onlyRejection(Corpus.read(List.of(dir), NOW, 1_000));

        assertThat(r.reason()).isEqualTo("file_too_large");
        assertThat(r.message()).contains("decompresses to over 1000 bytes");
    }

    @Test
    void aFileOverTheFileLimitIsRejectedUnread() throws IOException {
        write(dir.resolve("a.txt"), "Title\n" + BODY.repeat(20));

        RejectedRecord r = onlyRejection(Corpus.read(List.of(dir), NOW, 1_000));

        assertThat(r.reason()).isEqualTo("file_too_large");
        assertThat(r.payloadBytes()).isZero();
    }

    @Test
    void aWarcWhoseRecordsInflateOverTheFileLimitKeepsTheRecordsBeforeAndRejectsTheRest() throws IOException {
        // Pages that compress well, so the file itself is far under the limit its records exceed.
        byte[] first = Warcs.response("https://w.example/a", Warcs.page("A", "2024-01-17T10:00:00Z", BODY.repeat(20)));
        byte[] second = Warcs.response("https://w.example/b", Warcs.page("B", "2024-01-18T10:00:00Z", BODY.repeat(21)));
        Files.write(dir.resolve("c.warc.gz"), Warcs.of(gzip(first), gzip(second)));

        CorpusBatch batch = Corpus.read(List.of(dir), NOW, first.length + 100);

        assertThat(batch.articles()).extracting(Article::title).containsExactly("A");
        assertThat(onlyRejection(batch).reason()).isEqualTo("file_too_large");
    }

    @Test
    void aWarcResponseOverTheItemLimitIsSkippedUnreadAndTheNextRecordRead() throws IOException {
        byte[] huge = Warcs.response("https://w.example/a",
                Warcs.page("A", "2024-01-17T10:00:00Z", "x".repeat(ArticleBuilder.MAX_ITEM_BYTES)));
        byte[] small = Warcs.response("https://w.example/b", Warcs.page("B", "2024-01-18T10:00:00Z", BODY));
        Files.write(dir.resolve("c.warc"), Warcs.of(huge, small));

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).extracting(Article::title).containsExactly("B");
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("item_too_large");
        assertThat(r.origin()).endsWith("c.warc@0");
    }

    @Test
    void anNdjsonLineOverTheItemLimitIsRejectedAndTheNextLineRead() throws IOException {
        String huge = "{\"text\":\"" + "x".repeat(ArticleBuilder.MAX_ITEM_BYTES) + "\"}";
        write(dir.resolve("a.ndjson"), huge + "\n{\"text\":\"" + BODY + "\"}\n");

        CorpusBatch batch = read(dir);

        assertThat(batch.articles()).hasSize(1);
        RejectedRecord r = onlyRejection(batch);
        assertThat(r.reason()).isEqualTo("item_too_large");
        assertThat(r.payloadBytes()).isEqualTo(huge.length());
    }

    @Test
    void anHtmlPageOverTheLimitIsRejectedBeforeItIsParsed() throws IOException {
        write(dir.resolve("big.html"), "<html><body><p>" + "x".repeat(ArticleBuilder.MAX_HTML_CHARS) + "</p></body></html>");

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("text_too_large");
        assertThat(r.message()).contains("html has");
    }

    @Test
    void aTitleOverTheFieldLimitIsRejectedNamingTheField() throws IOException {
        write(dir.resolve("a.json"), "{\"title\":\"" + "T".repeat(ArticleBuilder.MAX_FIELD_CHARS + 1) + "\",\"text\":\"" + BODY + "\"}");

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("field_too_large");
        assertThat(r.message()).contains("title has " + (ArticleBuilder.MAX_FIELD_CHARS + 1));
    }

    @Test
    void anArticleTooLargeForAKafkaRecordIsRejectedRatherThanFailingTheSend() throws IOException {
        write(dir.resolve("a.json"), "{\"text\":\"" + BODY + "\",\"notes\":\"" + "n".repeat(ArticleBuilder.MAX_ARTICLE_BYTES) + "\"}");

        RejectedRecord r = onlyRejection(read(dir));

        assertThat(r.reason()).isEqualTo("item_too_large");
        assertThat(r.message()).contains("article record would be");
    }
}
