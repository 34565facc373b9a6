package org.flashpoint.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Labels;

/**
 * The analysis engine: which pairs of states an article is about, what happened between them, which way the
 * main news moves their relation, and the sentences that prove it. Everything it knows is in data files
 * ({@code states.tsv}, {@code places.tsv}, {@code events.tsv}, {@code modality.tsv}, {@code casualties.tsv}),
 * compiled into word tries once at load. Instances are immutable and thread-safe.
 */
public final class Analyzer {

    /** Bumped whenever the code changes what it produces for the same data files. */
    static final String CODE_VERSION = "1.0";

    static final List<String> DATA_FILES = List.of("states.tsv", "places.tsv", "events.tsv", "modality.tsv", "casualties.tsv");

    /** The compiled data files, shared read-only by every analysis. */
    record Data(Gazetteer gazetteer, Lexicon lexicon, Context context, Casualties casualties, String version,
                java.util.concurrent.ConcurrentHashMap<String, Dyad> dyads) {

        /** The pair, built once: a {@link Dyad} checks its codes with a regular expression on construction. */
        Dyad dyad(String x, String y) {
            String key = x.compareTo(y) < 0 ? x + y : y + x;
            Dyad d = dyads.get(key);
            if (d == null) {
                d = dyads.computeIfAbsent(key, k -> Dyad.of(x, y));
            }
            return d;
        }
    }

    private final Data data;

    private Analyzer(Data data) {
        this.data = data;
    }

    /** Loads the data files from the classpath; a bad file fails with a {@link DataFileException} naming file and line. */
    public static Analyzer loadDefault() {
        return load(DATA_FILES.stream().map(DataFile::resource).toList());
    }

    /** Loads data files given in the order of {@link #DATA_FILES} (tests pass broken copies). */
    static Analyzer load(List<DataFile> files) {
        Gazetteer gazetteer = Gazetteer.load(files.get(0), files.get(1));
        Lexicon lexicon = Lexicon.load(files.get(2));
        Context context = Context.load(files.get(3));
        Casualties casualties = Casualties.load(files.get(4));
        return new Analyzer(new Data(gazetteer, lexicon, context, casualties, version(files), new java.util.concurrent.ConcurrentHashMap<>()));
    }

    private static String version(List<DataFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DataFile f : files) {
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.bytes());
            }
            return "analysis-" + CODE_VERSION + "+" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Pure, deterministic and thread-safe; never throws on odd text. An article whose text breaks an assumption of
     * the code is returned unclassified (neutral, no events) rather than failing the stream.
     */
    public ClassifiedArticle analyze(Article a) {
        try {
            return new ArticleAnalysis(data, a).run();
        } catch (RuntimeException e) {
            return new ClassifiedArticle(a.id(), a.title(), a.source(), a.url(), a.published(), List.of(), Labels.NONE,
                    Direction.NEUTRAL, null, List.of(), data.version());
        }
    }

    Data data() {
        return data;
    }

    /** analyzer_version: code version + hash of the data files. */
    public String version() {
        return data.version();
    }
}
