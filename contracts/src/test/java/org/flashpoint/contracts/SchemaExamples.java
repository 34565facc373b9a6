package org.flashpoint.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The {@code examples} of a payload's JSON Schema, which tests read back into records. */
final class SchemaExamples {

    private SchemaExamples() {
    }

    static JsonNode of(String schemaFile) {
        try (InputStream in = SchemaExamples.class.getResourceAsStream("/schemas/" + schemaFile)) {
            return Json.mapper().readTree(in).get("examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's first example as its record. */
    static <T> T first(String schemaFile, Class<T> type) {
        return Json.read(Json.writeString(of(schemaFile).get(0)), type);
    }
}
