package org.flashpoint.ingest.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Article.TimeSource;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.ingest.normalize.Dates;
import org.flashpoint.ingest.normalize.HtmlExtractor;
import org.flashpoint.ingest.normalize.LanguageDetector;
import org.flashpoint.ingest.normalize.NormalizedText;
import org.flashpoint.ingest.normalize.TextNormalizer;

/** Normalises a {@link RawArticle} into an {@link Article}, or says which field makes it unacceptable. */
public final class ArticleBuilder {

    /** Longest article text accepted, in characters; far above any news article. */
    public static final int MAX_TEXT_CHARS = 500_000;
    /** Longest HTML page extracted, in characters; checked before parsing, which costs time and memory per character. */
    public static final int MAX_HTML_CHARS = 5_000_000;
    /** Longest title, source and URL, in characters each. */
    public static final int MAX_FIELD_CHARS = 4_096;
    /** Largest article record as JSON: under Kafka's default 1 MiB record limit, so an accepted article can be sent. */
    public static final int MAX_ARTICLE_BYTES = 1_000_000;
    /** Largest single item read before parsing (an NDJSON line, a WARC record). */
    public static final int MAX_ITEM_BYTES = 8 * 1024 * 1024;
    /** Publication times this far ahead of ingest are accepted (time zones, clocks); later ones are errors. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** The result of building one article. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(Article article) implements Outcome {
    }

    /** @param field the input field at fault, or null when the item as a whole is */
    public record Rejected(Reason reason, String field, RejectedRecord record) implements Outcome {
    }

    private final TextNormalizer normalizer;
    private final LanguageDetector languages;

    public ArticleBuilder(TextNormalizer normalizer, LanguageDetector languages) {
        this.normalizer = normalizer;
        this.languages = languages;
    }

    public static ArticleBuilder defaults() {
        return new ArticleBuilder(TextNormalizer.defaults(), LanguageDetector.defaults());
    }

    /**
     * @param now   ingest time: stands in for a missing publication time and bounds future dates
     * @param stage recorded on rejections: {@code replay} or {@code http}
     */
    public Outcome build(RawArticle raw, Instant now, String stage) {
        String title = raw.title();
        String source = raw.source();
        String url = raw.url();
        Object published = raw.published();
        String declaredLanguage = null;
        String body;
        List<String> captions = raw.captions();
        if (raw.html() != null) {
            if (raw.html().length() > MAX_HTML_CHARS) {
                return reject(Reason.TEXT_TOO_LARGE, "html", "html has " + raw.html().length()
                        + " characters, the limit is " + MAX_HTML_CHARS, raw, now, stage);
            }
            HtmlExtractor.Page page = HtmlExtractor.extract(raw.html(), url);
            body = page.text();
            captions = concat(captions, page.captions());
            title = title != null ? title : page.title();
            source = source != null ? source : page.source();
            url = url != null ? url : page.url();
            published = published != null ? published : page.published();
            declaredLanguage = page.declaredLanguage();
        } else {
            body = raw.text();
        }
        if (body == null || body.isBlank()) {
            return reject(Reason.MISSING_TEXT, "text", "no article text found (give 'text' or 'html')", raw, now, stage);
        }
        if (body.length() > MAX_TEXT_CHARS) {
            return reject(Reason.TEXT_TOO_LARGE, "text", "text has " + body.length() + " characters, the limit is "
                    + MAX_TEXT_CHARS, raw, now, stage);
        }
        for (String[] field : new String[][] {{"title", title}, {"source", source}, {"url", url}}) {
            if (field[1] != null && field[1].length() > MAX_FIELD_CHARS) {
                return reject(Reason.FIELD_TOO_LARGE, field[0], field[0] + " has " + field[1].length()
                        + " characters, the limit is " + MAX_FIELD_CHARS, raw, now, stage);
            }
        }
        NormalizedText normalized = normalizer.normalize(body, captions);
        if (normalized.text().isBlank()) {
            return reject(Reason.MISSING_TEXT, "text", "nothing but page chrome in the text", raw, now, stage);
        }
        Instant time = now;
        TimeSource timeSource = TimeSource.INGEST_TIME;
        if (published != null && !String.valueOf(published).isBlank()) {
            try {
                time = Dates.parse(published);
            } catch (IllegalArgumentException e) {
                return reject(Reason.UNPARSEABLE_DATE, "published", e.getMessage(), raw, now, stage);
            }
            if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
                return reject(Reason.FUTURE_DATE, "published", "published " + time + " is after ingest time " + now,
                        raw, now, stage);
            }
            timeSource = raw.timeSource() == null ? TimeSource.PUBLISHED : raw.timeSource();
        }
        String language = languages.detect(normalized.text());
        if (language.equals(LanguageDetector.UNDETERMINED) && declaredLanguage != null) {
            language = declaredLanguage.split("[-_]")[0];
        }
        String cleanTitle = title == null ? "" : normalizer.normalize(title, List.of()).text().replace('\n', ' ');
        Article article = new Article(idOf(normalized.text(), source), source, url, cleanTitle, normalized.text(),
                normalized.captions(), language, time, timeSource, now, raw.origin(), raw.metadata());
        int bytes = Json.write(article).length;
        if (bytes > MAX_ARTICLE_BYTES) {
            return reject(Reason.ITEM_TOO_LARGE, null, "the article record would be " + bytes + " bytes, the limit is "
                    + MAX_ARTICLE_BYTES + "; shorten the text, captions or metadata", raw, now, stage);
        }
        return new Accepted(article);
    }

    /** The stable article id: a hash of the normalised text and the source. */
    public static String idOf(String normalizedText, String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((source == null ? "" : source).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(normalizedText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A rejection of a whole input (file, line, request) not tied to one field. */
    public static RejectedRecord rejection(Reason reason, String detail, String origin, String stage, Instant now,
                                           byte[] original) {
        return RejectedRecord.of(reason.code(), reason.description() + ": " + detail, origin, stage, now, original);
    }

    private static Rejected reject(Reason reason, String field, String detail, RawArticle raw, Instant now,
                                   String stage) {
        return new Rejected(reason, field, rejection(reason, detail, raw.origin(), stage, now, raw.original()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return a.isEmpty() ? b : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
