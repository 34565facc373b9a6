package org.flashpoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word and punctuation tokens in one pass over the characters. Hyphens separate words
 * ("de-escalate" is "de" "escalate"), a possessive "'s" is its own token, and dotted abbreviations ("U.S.")
 * and numbers with separators ("25,000", "4.8") stay whole, so data-file phrases tokenized the same way match.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        boolean newline = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = true;
                i++;
            } else if (Character.isWhitespace(c) || c == '-' || c == '\u2013' || c == '\u2014' || c == '_' || c == '/') {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int end = wordEnd(text, i);
                tokens.add(new Token(i, end, normalise(text.substring(i, end)), true, Character.isUpperCase(c), newline));
                newline = false;
                i = end;
            } else if (isApostrophe(c) && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                tokens.add(new Token(i, i + 2, "'s", true, false, newline));
                newline = false;
                i += 2;
            } else {
                tokens.add(new Token(i, i + 1, punctuation(c), false, false, newline));
                newline = false;
                i++;
            }
        }
        return tokens;
    }

    private static int wordEnd(String text, int start) {
        int n = text.length();
        int i = start;
        boolean digits = Character.isDigit(text.charAt(start));
        // Dotted abbreviation: single letters each followed by a dot ("U.S.", "U.K.").
        if (Character.isUpperCase(text.charAt(start)) && start + 3 < n && text.charAt(start + 1) == '.'
                && Character.isUpperCase(text.charAt(start + 2)) && text.charAt(start + 3) == '.') {
            while (i + 1 < n && Character.isUpperCase(text.charAt(i)) && text.charAt(i + 1) == '.') {
                i += 2;
            }
            return i;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if (digits && (c == ',' || c == '.') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && !(Character.toLowerCase(text.charAt(i + 1)) == 's' && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2))))) {
                i++; // inner apostrophe: "N'Djamena", "didn't"
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }

    private static String normalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.indexOf('\u2019') >= 0 ? lower.replace('\u2019', '\'') : lower;
    }

    private static String punctuation(char c) {
        return switch (c) {
            case '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e' -> "\"";
            case '\u2018', '\u2019' -> "'";
            default -> String.valueOf(c);
        };
    }

    /** The lower-case word forms of a data-file phrase, tokenized like article text. */
    static List<String> phrase(String phrase) {
        List<String> out = new ArrayList<>();
        for (Token t : tokenize(phrase)) {
            out.add(t.lower());
        }
        return out;
    }
}
