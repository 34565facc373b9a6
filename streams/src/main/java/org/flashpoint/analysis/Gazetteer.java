package org.flashpoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Words that stand for a state: names, demonyms, capitals ({@code states.tsv}) and institutions, provinces,
 * border regions, armed groups and leaders ({@code places.tsv}). Matching takes the longest phrase; a phrase
 * must start with a capital letter in the text ("Turkey", not "turkey"), and phrases written with a leading "="
 * must match with exactly their capitalisation ("US" but not "us").
 */
final class Gazetteer {

    enum Kind {
        NAME, DEMONYM, CAPITAL, INSTITUTION, PROVINCE, BORDER_REGION, GROUP, LEADER;

        /** A place inside the state rather than the state acting. */
        boolean isPlace() {
            return this == PROVINCE || this == BORDER_REGION;
        }
    }

    record Entry(String code, Kind kind, List<String> exactCase) {
    }

    /** A state found in the text: tokens [start, end). */
    record Mention(String code, Kind kind, int start, int end) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private final PhraseIndex<Entry> index = new PhraseIndex<>();
    private final Set<String> codes = new TreeSet<>();

    static Gazetteer load(DataFile states, DataFile places) {
        Gazetteer g = new Gazetteer();
        for (DataFile.Row row : states.rows(List.of("code", "names", "demonyms", "capitals"), 2)) {
            String code = g.code(row, row.cell(0));
            g.addAll(row, row.cell(1), code, Kind.NAME);
            g.addAll(row, row.cell(2), code, Kind.DEMONYM);
            g.addAll(row, row.cell(3), code, Kind.CAPITAL);
        }
        for (DataFile.Row row : places.rows(List.of("kind", "phrase", "code"), 3)) {
            Kind kind;
            try {
                kind = Kind.valueOf(row.cell(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown kind '" + row.cell(0) + "' (institution, province, border_region, group, leader)");
            }
            if (kind == Kind.NAME || kind == Kind.DEMONYM || kind == Kind.CAPITAL) {
                throw row.error("kind '" + row.cell(0) + "' belongs in states.tsv");
            }
            g.addAll(row, row.cell(1), g.code(row, row.cell(2)), kind);
        }
        return g;
    }

    private String code(DataFile.Row row, String code) {
        if (!CODE.matcher(code).matches()) {
            throw row.error("'" + code + "' is not an ISO 3166-1 alpha-3 code");
        }
        codes.add(code);
        return code;
    }

    private void addAll(DataFile.Row row, String values, String code, Kind kind) {
        if (values.isEmpty()) {
            return;
        }
        for (String raw : values.split("\\|")) {
            String phrase = raw.trim();
            boolean exact = phrase.startsWith("=");
            if (exact) {
                phrase = phrase.substring(1);
            }
            List<String> words = Tokenizer.phrase(phrase);
            if (words.isEmpty()) {
                throw row.error("empty phrase in '" + values + "'");
            }
            List<String> original = null;
            if (exact) {
                original = new ArrayList<>();
                for (Token t : Tokenizer.tokenize(phrase)) {
                    original.add(phrase.substring(t.start(), t.end()));
                }
            }
            index.add(words, new Entry(code, kind, original));
        }
    }

    /** The states in {@code codes}: every state this gazetteer knows. */
    Set<String> codes() {
        return codes;
    }

    /** All mentions in tokens [from, to), left to right, longest match first. */
    List<Mention> find(String text, List<Token> tokens, int from, int to) {
        List<Mention> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Token t = tokens.get(i);
            if (!t.word() || !Character.isUpperCase(text.charAt(t.start()))) {
                i++;
                continue;
            }
            PhraseIndex.Match<Entry> m = index.longest(tokens, i, to, (e, s, end) -> caseMatches(text, tokens, e, s, end));
            if (m == null) {
                i++;
                continue;
            }
            Entry e = m.values().get(0);
            out.add(new Mention(e.code(), e.kind(), m.start(), m.end()));
            i = m.end();
        }
        return out;
    }

    private static boolean caseMatches(String text, List<Token> tokens, Entry e, int start, int end) {
        if (e.exactCase() == null) {
            return true;
        }
        for (int k = start; k < end; k++) {
            Token t = tokens.get(k);
            if (!text.regionMatches(t.start(), e.exactCase().get(k - start), 0, t.end() - t.start())
                    || e.exactCase().get(k - start).length() != t.end() - t.start()) {
                return false;
            }
        }
        return true;
    }
}
