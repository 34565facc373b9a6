package org.flashpoint.ingest.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.flashpoint.contracts.Json;

/** {@code .json}: one article object or an array of them; {@code .ndjson}/{@code .jsonl}: one object a line. */
final class JsonFormat {

    /** Reads one value of a stream; the shared mapper would take the next array element for trailing garbage. */
    private static final ObjectReader ELEMENT = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFormat() {
    }

    static void readJson(SourceFile file, Emitter out) {
        byte[] bytes = file.bytes();
        long offset = 0;
        try (JsonParser parser = Json.mapper().createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (true) {
                    JsonToken token = parser.nextToken();
                    offset = parser.currentTokenLocation().getByteOffset();
                    if (token == JsonToken.END_ARRAY) {
                        break;
                    }
                    JsonNode node = ELEMENT.readTree(parser);
                    long end = parser.currentLocation().getByteOffset();
                    item(file, node, offset, Arrays.copyOfRange(bytes, (int) offset, (int) end), out);
                }
            } else {
                JsonNode node = ELEMENT.readTree(parser);
                item(file, node, 0, bytes, out);
            }
            if (parser.nextToken() != null) {
                offset = parser.currentTokenLocation().getByteOffset();
                throw new IOException("unexpected content after the JSON value");
            }
        } catch (IOException e) {
            out.reject(file.reject(Reason.MALFORMED, "JSON: " + firstLine(e.getMessage()), offset,
                    Arrays.copyOfRange(bytes, (int) Math.min(offset, bytes.length), bytes.length)));
        }
    }

    static void readLines(SourceFile file, Emitter out) {
        byte[] bytes = file.bytes();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end - start > ArticleBuilder.MAX_ITEM_BYTES) {
                out.reject(file.reject(Reason.ITEM_TOO_LARGE, "line of " + (end - start) + " bytes, the limit is "
                        + ArticleBuilder.MAX_ITEM_BYTES, start, Arrays.copyOfRange(bytes, start, end)));
                start = end + 1;
                continue;
            }
            byte[] line = Arrays.copyOfRange(bytes, start, end);
            if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                try {
                    item(file, Json.mapper().readTree(line), start, line, out);
                } catch (IOException e) {
                    out.reject(file.reject(Reason.MALFORMED, "JSON line: " + firstLine(e.getMessage()), start, line));
                }
            }
            start = end + 1;
        }
    }

    private static void item(SourceFile file, JsonNode node, long offset, byte[] original, Emitter out) {
        try {
            out.article(JsonArticles.from(node, file.at(offset), original).withOverrides(file.manifest()));
        } catch (JsonArticles.FieldError e) {
            out.reject(file.reject(Reason.INVALID_FIELD, e.getMessage(), offset, original));
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
