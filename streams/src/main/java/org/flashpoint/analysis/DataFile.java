package org.flashpoint.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated data file: "#" comment lines (source, licence, columns), then one header row that must name
 * the expected columns, then rows. Every problem is reported with the file name and the 1-based line number.
 */
final class DataFile {

    /** One data row with its line number, for error messages from the caller. */
    record Row(String file, int line, String[] cells) {

        String cell(int i) {
            return i < cells.length ? cells[i].trim() : "";
        }

        DataFileException error(String problem) {
            return new DataFileException(file, line, problem);
        }
    }

    private final String name;
    private final byte[] bytes;

    private DataFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    /** Reads a resource next to this class, e.g. {@code states.tsv}. */
    static DataFile resource(String fileName) {
        try (InputStream in = DataFile.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new DataFileException(fileName, 0, "data file not found on the classpath");
            }
            return new DataFile(fileName, in.readAllBytes());
        } catch (IOException e) {
            throw new DataFileException(fileName, 0, "cannot read: " + e.getMessage());
        }
    }

    static DataFile of(String name, String content) {
        return new DataFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    String name() {
        return name;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The rows after the header; the header must list exactly {@code columns}, rows need at least {@code required} cells. */
    List<Row> rows(List<String> columns, int required) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (!headerSeen) {
                List<String> header = new ArrayList<>();
                for (String c : cells) {
                    header.add(c.trim());
                }
                if (!header.equals(columns)) {
                    throw new DataFileException(name, i + 1, "header must be " + String.join("<TAB>", columns) + ", got: " + line);
                }
                headerSeen = true;
                continue;
            }
            if (cells.length > columns.size()) {
                throw new DataFileException(name, i + 1, "expected at most " + columns.size() + " tab-separated columns, got " + cells.length);
            }
            Row row = new Row(name, i + 1, cells);
            for (int c = 0; c < required; c++) {
                if (row.cell(c).isEmpty()) {
                    throw row.error("column '" + columns.get(c) + "' is empty");
                }
            }
            rows.add(row);
        }
        if (!headerSeen) {
            throw new DataFileException(name, 0, "no header row (" + String.join("<TAB>", columns) + ")");
        }
        return rows;
    }
}
