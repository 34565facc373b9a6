package org.flashpoint.analysis.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.flashpoint.analysis.evaluation.LabeledCases;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;

/**
 * NDJSON articles, one {@code {id, title, text, published, source, url}} object a line (other fields ignored), as
 * {@code flashpoint classify} reads them. A bad line is reported with its number and skipped; nothing stops the rest.
 */
public final class ArticleLines {

    /** A line that is not an article, with its 1-based number. */
    public record Problem(String origin, int line, String message) {

        @Override
        public String toString() {
            return origin + ":" + line + ": " + message;
        }
    }

    private ArticleLines() {
    }

    /**
     * Reads every line; {@code now} stands in for a missing publication time (marked as ingest time).
     */
    public static void read(BufferedReader in, String origin, Instant now, Consumer<Article> articles, Consumer<Problem> problems) {
        int number = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    articles.accept(parse(line, origin + ":" + number, now));
                } catch (IllegalArgumentException e) {
                    problems.accept(new Problem(origin, number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
    }

    /** One line; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static Article parse(String line, String origin, Instant now) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(node, "id");
        String text = text(node, "text");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("no 'id'");
        }
        if (text == null) {
            throw new IllegalArgumentException("no 'text'");
        }
        Instant published = LabeledCases.published(text(node, "published"), origin);
        return new Article(id, text(node, "source"), text(node, "url"), text(node, "title"), text, List.of(), "und",
                published == null ? now : published,
                published == null ? Article.TimeSource.INGEST_TIME : Article.TimeSource.PUBLISHED, now, origin, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }
}
