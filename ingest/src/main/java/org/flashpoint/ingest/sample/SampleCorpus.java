package org.flashpoint.ingest.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The synthetic demo corpus bundled in the jar (see its README): an invented escalation, incident and
 * de-escalation between Armenia and Azerbaijan, reported by invented outlets in every supported format.
 */
public final class SampleCorpus {

    private static final String BASE = "/org/flashpoint/ingest/sample/corpus/";
    /** Every file of the corpus; kept in step with the resource directory by a test. */
    public static final List<String> FILES = List.of(
            "README.md", "pages/manifest.jsonl");

    private SampleCorpus() {
    }

    /** Writes the corpus into {@code dir} (created if missing) and returns {@code dir}. */
    public static Path extractTo(Path dir) {
        try {
            for (String name : FILES) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = SampleCorpus.class.getResourceAsStream(BASE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample corpus file missing from the jar: " + name);
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample corpus to " + dir, e);
        }
    }
}
