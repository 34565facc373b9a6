package org.flashpoint.ingest.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;

/**
 * Reads corpus files and directories into articles. Directories are walked recursively in name order;
 * symbolic links are followed but a link back into its own ancestry (a loop) or out of the given roots is
 * refused. A {@code manifest.jsonl} in a directory (one JSON object a line with {@code file} and any of
 * {@code published}, {@code source}, {@code title}, {@code url}; other fields become metadata) overrides what
 * the files beside it say. Markdown files ({@code README.md} and the like) document a corpus and are passed over;
 * every other file is read or rejected with its reason.
 */
public final class Corpus {

    static final String STAGE = "replay";
    /** Largest file read, compressed and decompressed. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final String MANIFEST = "manifest.jsonl";

    private final ArticleBuilder builder;
    private final Instant now;
    private final long maxFileBytes;
    private final List<Path> realRoots = new ArrayList<>();
    private final Map<Path, Map<String, ManifestEntry>> manifests = new HashMap<>();
    private final List<Article> articles = new ArrayList<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private final Map<String, String> firstOrigin = new HashMap<>();
    private int duplicates;

    private Corpus(ArticleBuilder builder, Instant now, long maxFileBytes) {
        this.builder = builder;
        this.now = now;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Reads every supported file under {@code roots}.
     *
     * @param now ingest time: stands in for missing publication times and bounds future dates
     */
    public static CorpusBatch read(List<Path> roots, Instant now) {
        return read(roots, now, MAX_FILE_BYTES);
    }

    /** With another file size limit, so tests need not write 256 MiB. */
    static CorpusBatch read(List<Path> roots, Instant now, long maxFileBytes) {
        Corpus corpus = new Corpus(ArticleBuilder.defaults(), now, maxFileBytes);
        for (Path root : roots) {
            try {
                corpus.realRoots.add(root.toRealPath());
            } catch (IOException e) {
                corpus.rejected.add(ArticleBuilder.rejection(Reason.UNREADABLE, "no such file or directory",
                        root.toString(), STAGE, now, null));
            }
        }
        for (Path root : roots) {
            if (Files.exists(root)) {
                corpus.walk(root, new HashSet<>());
            }
        }
        List<Article> sorted = new ArrayList<>(corpus.articles);
        sorted.sort(Comparator.comparing(Article::published));
        return new CorpusBatch(sorted, corpus.rejected, corpus.duplicates);
    }

    private void walk(Path path, Set<Path> ancestors) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            reject(Reason.UNREADABLE, "cannot resolve: " + e.getMessage(), path.toString(), null);
            return;
        }
        if (!insideRoots(real)) {
            reject(Reason.OUTSIDE_ROOT, "it resolves to " + real, path.toString(), null);
            return;
        }
        if (Files.isDirectory(real)) {
            if (!ancestors.add(real)) {
                reject(Reason.SYMLINK_LOOP, "it resolves to " + real + ", a directory already being read",
                        path.toString(), null);
                return;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(path)) {
                children = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            } catch (IOException e) {
                reject(Reason.UNREADABLE, e.getMessage(), path.toString(), null);
                return;
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.equals(MANIFEST) && !name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                    walk(child, ancestors);
                }
            }
            ancestors.remove(real);
        } else {
            file(path, real);
        }
    }

    /** Compares resolved paths component by component, so neither {@code ..} nor a link can lead out. */
    private boolean insideRoots(Path real) {
        return realRoots.stream().anyMatch(real::startsWith);
    }

    /** All of {@code in}, or null when it holds more than {@link #maxFileBytes}. */
    private byte[] readAtMost(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes));
        return in.read() < 0 ? bytes : null;
    }

    /** Reads {@code real} (the checked target of {@code path}), so what is read is what passed the root check. */
    private void file(Path path, Path real) {
        String origin = path.toString();
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(real)) {
            // A FIFO or device would block or never end.
            reject(Reason.UNREADABLE, "not a regular file (a device, pipe or socket)", origin, null);
            return;
        }
        byte[] bytes;
        try {
            if (Files.size(real) > maxFileBytes) {
                reject(Reason.FILE_TOO_LARGE, Files.size(real) + " bytes, the limit is " + maxFileBytes, origin, null);
                return;
            }
            try (InputStream in = Files.newInputStream(real)) {
                bytes = readAtMost(in);
            }
        } catch (IOException e) {
            reject(Reason.UNREADABLE, e.getMessage(), origin, null);
            return;
        }
        if (bytes == null) {
            reject(Reason.FILE_TOO_LARGE, "it grew over the limit of " + maxFileBytes + " bytes while being read", origin, null);
            return;
        }
        if (bytes.length == 0) {
            reject(Reason.EMPTY, "0 bytes", origin, bytes);
            return;
        }
        // A .warc.gz is gzipped record by record; jwarc reads it so records before a cut survive.
        if (lower.endsWith(".gz") && !lower.endsWith(".warc.gz")) {
            byte[] compressed = bytes;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                bytes = readAtMost(in);
            } catch (EOFException | ZipException e) {
                reject(Reason.TRUNCATED_GZIP, String.valueOf(e.getMessage()), origin, compressed);
                return;
            } catch (IOException e) {
                reject(Reason.TRUNCATED_GZIP, e.toString(), origin, compressed);
                return;
            }
            if (bytes == null) {
                // A small file that inflates without bound (a "zip bomb") stops at the limit instead of filling memory.
                reject(Reason.FILE_TOO_LARGE, "it decompresses to over " + maxFileBytes + " bytes", origin, null);
                return;
            }
            lower = lower.substring(0, lower.length() - 3);
        }
        Map<String, ManifestEntry> manifest = manifest(path.toAbsolutePath().getParent());
        SourceFile file = new SourceFile(lower, origin, bytes, manifest.get(name), now);
        Emitter emitter = new Emitter() {
            @Override
            public void article(RawArticle article) {
                accept(article);
            }

            @Override
            public void reject(RejectedRecord rejection) {
                rejected.add(rejection);
            }
        };
        if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
            WarcFormat.read(file, emitter, maxFileBytes);
            return;
        }
        String format = lower.substring(lower.lastIndexOf('.') + 1);
        if (!Set.of("txt", "html", "htm", "json", "ndjson", "jsonl", "rss", "atom", "xml").contains(format)) {
            reject(Reason.UNSUPPORTED_FORMAT, "supported: .txt .html .json .ndjson .jsonl .warc .rss .atom .xml,"
                    + " optionally .gz", origin, bytes);
            return;
        }
        String text = decode(file);
        if (text == null) {
            return;
        }
        switch (format) {
            case "txt" -> TextFormat.read(file, text, emitter);
            case "html", "htm" -> HtmlFormat.read(file, text, emitter);
            case "json" -> JsonFormat.readJson(file, emitter);
            case "ndjson", "jsonl" -> JsonFormat.readLines(file, emitter);
            default -> FeedFormat.read(file, emitter);
        }
    }

    /** The file as strict UTF-8 text, or null after rejecting it as binary, invalid UTF-8 or empty. */
    private String decode(SourceFile file) {
        byte[] bytes = file.bytes();
        if (looksBinary(bytes)) {
            rejected.add(file.reject(Reason.BINARY, "control bytes found in the first 8 KiB", 0, bytes));
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                rejected.add(file.reject(Reason.EMPTY, "only white space", 0, bytes));
                return null;
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            rejected.add(file.reject(Reason.INVALID_UTF8, "re-encode the file as UTF-8", 0, bytes));
            return null;
        }
    }

    /** NUL bytes or many control characters early on mean this is not a text file. */
    static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > limit / 20;
    }

    private void accept(RawArticle raw) {
        ArticleBuilder.Outcome outcome = builder.build(raw, now, STAGE);
        if (outcome instanceof ArticleBuilder.Rejected rejection) {
            rejected.add(rejection.record());
            return;
        }
        Article article = ((ArticleBuilder.Accepted) outcome).article();
        String first = firstOrigin.putIfAbsent(article.id(), article.origin());
        if (first == null) {
            articles.add(article);
        } else {
            duplicates++;
            rejected.add(ArticleBuilder.rejection(Reason.DUPLICATE, "same text and source as " + first
                    + " (article " + article.id() + ")", article.origin(), STAGE, now, raw.original()));
        }
    }

    private Map<String, ManifestEntry> manifest(Path dir) {
        return manifests.computeIfAbsent(dir, d -> {
            Path file = d.resolve(MANIFEST);
            Map<String, ManifestEntry> entries = new LinkedHashMap<>();
            if (!Files.isRegularFile(file)) {
                return entries;
            }
            List<String> lines;
            try {
                Path real = file.toRealPath();
                if (!insideRoots(real)) {
                    reject(Reason.OUTSIDE_ROOT, "manifest resolves to " + real, file.toString(), null);
                    return entries;
                }
                byte[] bytes;
                try (InputStream in = Files.newInputStream(real)) {
                    bytes = readAtMost(in);
                }
                if (bytes == null) {
                    reject(Reason.FILE_TOO_LARGE, "manifest over " + maxFileBytes + " bytes", file.toString(), null);
                    return entries;
                }
                lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                reject(Reason.UNREADABLE, "manifest: " + e.getMessage(), file.toString(), null);
                return entries;
            }
            long offset = 0;
            for (String line : lines) {
                if (!line.isBlank()) {
                    try {
                        ManifestEntry entry = entry(Json.mapper().readTree(line));
                        entries.put(entry.file(), entry);
                    } catch (IOException | IllegalArgumentException e) {
                        rejected.add(ArticleBuilder.rejection(Reason.MALFORMED, "manifest line: "
                                        + JsonFormat.firstLine(e.getMessage()), file + "@" + offset, STAGE, now,
                                line.getBytes(StandardCharsets.UTF_8)));
                    }
                }
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            return entries;
        });
    }

    private static ManifestEntry entry(JsonNode node) {
        if (!node.isObject() || !node.path("file").isTextual()) {
            throw new IllegalArgumentException("each line must be an object with a 'file' name");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        Set<String> known = Set.of("file", "published", "source", "title", "url");
        node.fields().forEachRemaining(e -> {
            if (!known.contains(e.getKey())) {
                metadata.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
            }
        });
        JsonNode published = node.get("published");
        Object date = published == null || published.isNull() ? null
                : published.isNumber() ? published.numberValue() : published.asText();
        return new ManifestEntry(node.get("file").asText(), date, textOrNull(node, "source"),
                textOrNull(node, "title"), textOrNull(node, "url"), metadata);
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private void reject(Reason reason, String detail, String origin, byte[] original) {
        rejected.add(ArticleBuilder.rejection(reason, detail, origin, STAGE, now, original));
    }
}
