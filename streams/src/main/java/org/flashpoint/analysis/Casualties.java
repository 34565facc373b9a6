package org.flashpoint.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Death tolls written in digits or words ("at least 11 people", "killing nine Pakistanis", "two children were
 * killed"): a number counts when a death word is near it, no injury word is nearer, and what follows it is
 * people (a person noun or a nationality), not years or missiles.
 */
final class Casualties {

    private enum Kind { NUMBER, PERSON, DEATH, INJURY, UNIT }

    private static final int WINDOW_BEFORE = 4;
    private static final int WINDOW_AFTER = 6;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final PhraseIndex<Kind> words = new PhraseIndex<>();

    static Casualties load(DataFile file) {
        Casualties c = new Casualties();
        for (DataFile.Row row : file.rows(List.of("kind", "word", "value"), 2)) {
            Kind kind;
            try {
                kind = Kind.valueOf(row.cell(0).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown kind '" + row.cell(0) + "' (number, person, death, injury, unit)");
            }
            if (kind == Kind.NUMBER) {
                try {
                    c.numbers.put(row.cell(1).toLowerCase(java.util.Locale.ROOT), Integer.parseInt(row.cell(2)));
                } catch (NumberFormatException e) {
                    throw row.error("a number word needs an integer value, got '" + row.cell(2) + "'");
                }
                continue;
            }
            for (String w : row.cell(1).split("\\|")) {
                List<String> phrase = Tokenizer.phrase(w.trim());
                if (phrase.isEmpty()) {
                    throw row.error("empty word in '" + row.cell(1) + "'");
                }
                c.words.add(phrase, kind);
            }
        }
        return c;
    }

    boolean isNumberWord(String lower) {
        return numbers.containsKey(lower);
    }

    /** A number written at token {@code i} and how many tokens it uses, or null. */
    private int[] number(List<Token> tokens, int i, int to) {
        Token t = tokens.get(i);
        if (t.isNumber()) {
            String digits = t.lower().replace(",", "");
            if (digits.chars().allMatch(Character::isDigit) && digits.length() <= 6) {
                return new int[] {Integer.parseInt(digits), 1};
            }
            return null;
        }
        Integer v = numbers.get(t.lower());
        if (v == null) {
            return null;
        }
        if (v >= 20 && v < 100 && i + 1 < to) {
            Integer unit = numbers.get(tokens.get(i + 1).lower());
            if (unit != null && unit < 10) {
                return new int[] {v + unit, 2};
            }
        }
        return new int[] {v, 1};
    }

    private Kind kind(List<Token> tokens, int i, int to) {
        PhraseIndex.Match<Kind> m = words.longest(tokens, i, to);
        return m == null ? null : m.values().get(0);
    }

    /**
     * The first death toll in tokens [from, to), or null. {@code isNationality} tells whether a token starts a
     * nationality ("Pakistanis"), which counts as people.
     */
    Integer toll(List<Token> tokens, int from, int to, java.util.function.IntPredicate isNationality) {
        for (int i = from; i < to; i++) {
            int[] num = number(tokens, i, to);
            if (num == null) {
                continue;
            }
            int after = i + num[1];
            // What is counted: the next word, skipping one adjective or nationality ("nine Pakistani labourers").
            boolean people = false;
            for (int k = after; k < Math.min(to, after + 3); k++) {
                Kind kind = kind(tokens, k, to);
                if (kind == Kind.UNIT) {
                    break;
                }
                if (kind == Kind.PERSON || isNationality.test(k)) {
                    people = true;
                    break;
                }
                if (kind == Kind.DEATH && k == after) {
                    people = true; // "11 killed", "9 dead"
                    break;
                }
                if (!tokens.get(k).word()) {
                    break;
                }
            }
            // "killing nine", "killed 11": the death word right before the number says what is counted.
            if (!people && i > from && kind(tokens, i - 1, to) == Kind.DEATH
                    && (after >= to || kind(tokens, after, to) != Kind.UNIT)) {
                people = true;
            }
            if (!people) {
                continue;
            }
            int death = nearest(tokens, i, after, from, to, Kind.DEATH);
            int injury = nearest(tokens, i, after, from, to, Kind.INJURY);
            if (death < Integer.MAX_VALUE && death <= injury) {
                return num[0];
            }
        }
        return null;
    }

    private int nearest(List<Token> tokens, int numStart, int numEnd, int from, int to, Kind wanted) {
        int best = Integer.MAX_VALUE;
        for (int k = Math.max(from, numStart - WINDOW_BEFORE); k < Math.min(to, numEnd + WINDOW_AFTER); k++) {
            if (k >= numStart && k < numEnd) {
                continue;
            }
            if (kind(tokens, k, to) == wanted) {
                best = Math.min(best, k < numStart ? numStart - k : k - numEnd + 1);
            }
        }
        return best;
    }
}
