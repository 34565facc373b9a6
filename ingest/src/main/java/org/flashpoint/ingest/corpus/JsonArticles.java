package org.flashpoint.ingest.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flashpoint.contracts.Json;

/**
 * Maps a JSON article object (from a file or an HTTP request) to a {@link RawArticle}. Known fields:
 * {@code text} (or {@code body}/{@code content}), {@code html}, {@code title} (or {@code headline}),
 * {@code published} (or {@code date}/{@code datePublished}/{@code publishedAt}/{@code pubDate}: ISO-8601,
 * RFC 1123, epoch number, usual news formats), {@code source} (text, or an object with {@code name}),
 * {@code url} (or {@code link}), {@code captions} (array of text). Every other field is kept as metadata.
 */
public final class JsonArticles {

    private static final List<String> TEXT = List.of("text", "body", "content");
    private static final List<String> TITLE = List.of("title", "headline");
    private static final List<String> PUBLISHED = List.of("published", "date", "datePublished", "publishedAt", "pubDate");
    private static final List<String> URL = List.of("url", "link");
    private static final Set<String> KNOWN = Set.of("text", "body", "content", "html", "title", "headline", "published",
            "date", "datePublished", "publishedAt", "pubDate", "source", "url", "link", "captions");

    /** A field of the wrong type. */
    public static final class FieldError extends IllegalArgumentException {
        private final String field;

        FieldError(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private JsonArticles() {
    }

    public static RawArticle from(JsonNode node, String origin, byte[] original) {
        if (!(node instanceof ObjectNode object)) {
            // A file of only whitespace (or a byte-order mark) parses to no value at all.
            String found = node == null || node.isMissingNode() ? "no JSON value" : node.getNodeType().name().toLowerCase();
            throw new FieldError("(item)", "an article must be a JSON object, found " + found);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (!KNOWN.contains(e.getKey())) {
                metadata.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
            }
        });
        JsonNode source = object.get("source");
        String sourceName = source != null && source.isObject() ? text(source, "name", "source.name") : text(object, "source", "source");
        Object published = null;
        for (String name : PUBLISHED) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw new FieldError(name, "'" + name + "' must be a date text or an epoch number");
                }
                published = value.isNumber() ? value.numberValue() : value.asText();
                break;
            }
        }
        List<String> captions = new ArrayList<>();
        JsonNode captionNode = object.get("captions");
        if (captionNode != null && !captionNode.isNull()) {
            if (!captionNode.isArray()) {
                throw new FieldError("captions", "'captions' must be an array of text");
            }
            captionNode.forEach(c -> captions.add(c.asText()));
        }
        return new RawArticle(first(object, TITLE), first(object, TEXT), text(object, "html", "html"), published,
                null, sourceName, first(object, URL), captions, metadata, origin, original);
    }

    private static String first(ObjectNode object, List<String> names) {
        for (String name : names) {
            String value = text(object, name, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode object, String name, String field) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldError(field, "'" + field + "' must be text, found " + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }
}
