package org.flashpoint.alerts.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;

/**
 * Reads a corpus for a backtest: {@code .json} files holding one article object (the corpus format of LABELING.md),
 * and {@code .ndjson}/{@code .jsonl} files with one per line; directories are read recursively in name order. A
 * date-only {@code published} is the start of that day, UTC. Articles without a publication time cannot be placed on a
 * timeline: they are counted as skipped, not guessed.
 */
public final class CorpusFiles {

    /**
     * The readable articles and what could not be used.
     *
     * @param articles  in file order
     * @param skipped   "file[:line]: reason", one per unusable record
     */
    public record Read(List<Article> articles, List<String> skipped) {
    }

    private CorpusFiles() {
    }

    public static Read read(List<Path> roots) {
        List<Article> articles = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path root : roots) {
            for (Path file : files(root)) {
                String name = file.getFileName().toString();
                try {
                    if (name.endsWith(".json")) {
                        add(Json.mapper().readTree(file.toFile()), file.toString(), articles, skipped);
                    } else {
                        List<String> lines = Files.readAllLines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            if (lines.get(i).isBlank()) {
                                continue;
                            }
                            // One bad line costs that line, not the rest of the file.
                            try {
                                add(Json.mapper().readTree(lines.get(i)), file + ":" + (i + 1), articles, skipped);
                            } catch (IOException e) {
                                skipped.add(file + ":" + (i + 1) + ": not JSON: " + firstLine(e));
                            }
                        }
                    }
                } catch (IOException e) {
                    skipped.add(file + ": not JSON: " + firstLine(e));
                }
            }
        }
        return new Read(articles, skipped);
    }

    private static String firstLine(IOException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            if (!Files.exists(root)) {
                throw new UncheckedIOException(new IOException("no such file or directory: " + root));
            }
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson") || p.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JsonNode doc, String origin, List<Article> articles, List<String> skipped) {
        if (!doc.isObject() || !doc.hasNonNull("id") || !doc.hasNonNull("text")) {
            skipped.add(origin + ": not an article (needs id and text)");
            return;
        }
        Instant published = published(doc.path("published").asText(null));
        if (published == null) {
            skipped.add(origin + ": no usable publication time");
            return;
        }
        articles.add(new Article(doc.get("id").asText(), text(doc, "source"), text(doc, "url"), text(doc, "title"),
                doc.get("text").asText(), List.of(), text(doc, "language"), published, Article.TimeSource.PUBLISHED,
                published, origin, Map.of()));
    }

    private static String text(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }

    private static Instant published(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
