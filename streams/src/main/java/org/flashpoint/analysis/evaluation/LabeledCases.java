package org.flashpoint.analysis.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Labels;

/**
 * Reads labeled cases: one JSON object per {@code .json} file (the {@code dev/} layout), or a {@code manifest.jsonl}
 * whose lines carry the labels and name a {@code .txt} file with the article text (the {@code seeds/} layout).
 */
public final class LabeledCases {

    private LabeledCases() {
    }

    /** All cases under a directory: its manifest.jsonl if it has one, else its *.json files in name order. */
    public static List<LabeledCase> readDirectory(Path dir) {
        Path manifest = dir.resolve("manifest.jsonl");
        if (Files.isRegularFile(manifest)) {
            return readManifest(manifest);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<LabeledCase> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(readJson(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** One labeled {@code .json} file. */
    public static LabeledCase readJson(Path file) {
        JsonNode node = tree(read(file), file.toString());
        return fromNode(node, text(node, "text"), file.toString());
    }

    /** A manifest of labels whose {@code file} fields name text files next to it. */
    public static List<LabeledCase> readManifest(Path manifest) {
        List<LabeledCase> out = new ArrayList<>();
        String[] lines = read(manifest).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = manifest + ":" + (i + 1);
            JsonNode node = tree(lines[i], where);
            String file = text(node, "file");
            if (file == null) {
                throw new IllegalArgumentException(where + ": no 'file' field");
            }
            out.add(fromNode(node, read(manifest.resolveSibling(file)), where));
        }
        return out;
    }

    /** The article and expected labels of one labeled object; {@code text} is the article body. */
    public static LabeledCase fromNode(JsonNode node, String text, String where) {
        String id = text(node, "id");
        if (id == null || text == null) {
            throw new IllegalArgumentException(where + ": a labeled case needs 'id' and 'text'");
        }
        Instant published = published(text(node, "published"), where);
        Article article = new Article(id, text(node, "source"), text(node, "url"), text(node, "title"), text, List.of(), "en",
                published == null ? Instant.EPOCH : published,
                published == null ? Article.TimeSource.INGEST_TIME : Article.TimeSource.PUBLISHED,
                published == null ? Instant.EPOCH : published, where, null);
        List<Dyad> dyads = new ArrayList<>();
        for (JsonNode d : node.path("dyads")) {
            dyads.add(Dyad.of(d.get(0).asText(), d.get(1).asText()));
        }
        JsonNode l = node.path("labels");
        Labels labels = new Labels(l.path("escalation").asBoolean(), l.path("de_escalation").asBoolean(),
                l.path("border_incident").asBoolean(), l.path("diplomatic_visit").asBoolean());
        Direction direction = Direction.valueOf(node.path("direction").asText("NEUTRAL"));
        Integer killed = node.path("killed").isNumber() ? node.path("killed").asInt() : null;
        return new LabeledCase(id, where, article, dyads, labels, direction, killed);
    }

    /** "2024-01-17" (start of that day, UTC) or a full ISO instant; null when absent. */
    public static Instant published(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": 'published' is not an ISO date: " + value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode tree(String json, String where) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
