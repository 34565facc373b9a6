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
    /** Lists every file of the corpus, because a jar's directories cannot be listed. */
    private static final String INDEX = "/org/flashpoint/ingest/sample/corpus-files.txt";

    private SampleCorpus() {
    }

    /** The corpus files, as paths relative to the corpus directory. */
    public static List<String> files() {
        try (InputStream in = SampleCorpus.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("sample corpus index missing from the jar: " + INDEX);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the corpus into {@code dir} (created if missing) and returns {@code dir}. */
    public static Path extractTo(Path dir) {
        try {
            for (String name : files()) {
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
