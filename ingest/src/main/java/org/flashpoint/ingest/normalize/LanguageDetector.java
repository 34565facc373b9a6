package org.flashpoint.ingest.normalize;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the language of a text from the share of its words that are stopwords of each profile in
 * {@code stopwords.tsv}. Good enough to flag non-English news; answers "und" when the evidence is thin.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    private static final LanguageDetector DEFAULT = load("stopwords.tsv");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_HITS = 3;
    private static final int MAX_WORDS = 2000;

    private final Map<String, Set<String>> profiles;

    private LanguageDetector(Map<String, Set<String>> profiles) {
        this.profiles = profiles;
    }

    public static LanguageDetector defaults() {
        return DEFAULT;
    }

    static LanguageDetector load(String resource) {
        Map<String, Set<String>> profiles = new LinkedHashMap<>();
        for (DataFile.Row row : DataFile.rows(resource, 2)) {
            String code = row.columns().get(0);
            if (!code.matches("[a-z]{2}")) {
                throw row.error("language must be an ISO 639-1 code, found '" + code + "'");
            }
            profiles.put(code, Set.of(row.columns().get(1).trim().split(" +")));
        }
        return new LanguageDetector(profiles);
    }

    /** The ISO 639-1 code of the best-matching profile, or {@value #UNDETERMINED}. */
    public String detect(String text) {
        Map<String, Integer> hits = new HashMap<>();
        Matcher words = WORD.matcher(text);
        int seen = 0;
        while (words.find() && seen++ < MAX_WORDS) {
            String word = words.group().toLowerCase(Locale.ROOT);
            profiles.forEach((code, stopwords) -> {
                if (stopwords.contains(word)) {
                    hits.merge(code, 1, Integer::sum);
                }
            });
        }
        return hits.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_HITS)
                .max(Map.Entry.<String, Integer>comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(UNDETERMINED);
    }
}
