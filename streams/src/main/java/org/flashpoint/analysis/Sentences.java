package org.flashpoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits tokens into sentences: at line breaks, and after ". ! ?" before a capital, a digit or a quote. */
final class Sentences {

    /** Tokens [from, to) of sentence {@code index}. */
    record Span(int index, int from, int to) {
    }

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj",
            "capt", "sgt", "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "no", "vs", "inc", "corp", "jr", "sr", "gov", "sen", "rep", "adm", "brig", "cmdr");

    private Sentences() {
    }

    /** Sentence 0 is tokens [0, titleEnd) (the title, possibly empty); the body follows. */
    static List<Span> split(String text, List<Token> tokens, int titleEnd) {
        List<Span> out = new ArrayList<>();
        out.add(new Span(0, 0, titleEnd));
        int start = titleEnd;
        for (int k = titleEnd + 1; k < tokens.size(); k++) {
            if (boundaryBefore(text, tokens, k, start)) {
                out.add(new Span(out.size(), start, k));
                start = k;
            }
        }
        if (start < tokens.size()) {
            out.add(new Span(out.size(), start, tokens.size()));
        }
        return out;
    }

    private static boolean boundaryBefore(String text, List<Token> tokens, int k, int start) {
        Token t = tokens.get(k);
        if (t.newlineBefore()) {
            return true;
        }
        if (!(t.capitalized() || t.isNumber() || t.lower().equals("\""))) {
            return false;
        }
        int p = k - 1;
        if (p > start && (tokens.get(p).lower().equals("\"") || tokens.get(p).lower().equals("'") || tokens.get(p).lower().equals(")"))) {
            p--;
        }
        String end = tokens.get(p).lower();
        if (!(end.equals(".") || end.equals("!") || end.equals("?"))) {
            return false;
        }
        if (tokens.get(p).end() == t.start()) {
            return false; // no space after the dot: "1.5", "gov.pk"
        }
        if (end.equals(".") && p - 1 >= start) {
            Token before = tokens.get(p - 1);
            boolean attached = before.end() == tokens.get(p).start();
            if (attached && (ABBREVIATIONS.contains(before.lower()) || before.word() && before.lower().length() == 1 && before.capitalized())) {
                return false;
            }
        }
        return true;
    }
}
