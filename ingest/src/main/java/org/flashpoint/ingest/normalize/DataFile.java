package org.flashpoint.ingest.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated data files of this package: '#' lines are the header, blank lines are skipped. */
final class DataFile {

    /** One data line split at tabs, with its line number for error messages. */
    record Row(String file, int line, List<String> columns) {
        IllegalStateException error(String what) {
            return new IllegalStateException(file + " line " + line + ": " + what);
        }
    }

    private DataFile() {
    }

    static List<Row> rows(String resource, int columns) {
        InputStream in = DataFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Row row = new Row(resource, number, List.of(line.split("\t", -1)));
                if (row.columns().size() != columns) {
                    throw row.error("expected " + columns + " tab-separated columns, found " + row.columns().size());
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
