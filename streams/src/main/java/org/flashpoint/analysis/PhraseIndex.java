package org.flashpoint.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word trie over data-file phrases, built once at load: finding the longest phrase at a token position costs
 * one hash lookup per word, whatever the number of phrases. The word {@code *} in a phrase stands for any one word.
 */
final class PhraseIndex<T> {

    /** Decides whether a value found for tokens [start, end) applies there (e.g. a case rule). */
    @FunctionalInterface
    interface Filter<T> {
        boolean accept(T value, int start, int end);
    }

    /** The values of the longest phrase at {@code start}, ending before {@code end}. */
    record Match<T>(int start, int end, List<T> values) {
    }

    private static final String ANY = "*";

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>(4);
        Node<T> any;
        final List<T> values = new ArrayList<>(1);
    }

    private final Node<T> root = new Node<>();

    void add(List<String> words, T value) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        Node<T> node = root;
        for (String w : words) {
            if (w.equals(ANY)) {
                if (node.any == null) {
                    node.any = new Node<>();
                }
                node = node.any;
            } else {
                node = node.next.computeIfAbsent(w, k -> new Node<>());
            }
        }
        node.values.add(value);
    }

    /** The longest phrase starting at token {@code start} whose values pass the filter, or null. */
    Match<T> longest(List<Token> tokens, int start, int limit, Filter<T> filter) {
        Best<T> best = new Best<>();
        walk(root, tokens, start, start, limit, filter, best);
        return best.values == null ? null : new Match<>(start, best.end, best.values);
    }

    Match<T> longest(List<Token> tokens, int start, int limit) {
        return longest(tokens, start, limit, null);
    }

    private static final class Best<T> {
        int end;
        List<T> values;
    }

    private void walk(Node<T> node, List<Token> tokens, int start, int pos, int limit, Filter<T> filter, Best<T> best) {
        if (!node.values.isEmpty() && pos > start && (best.values == null || pos > best.end)) {
            List<T> accepted = node.values;
            if (filter != null) {
                accepted = new ArrayList<>(1);
                for (T v : node.values) {
                    if (filter.accept(v, start, pos)) {
                        accepted.add(v);
                    }
                }
            }
            if (!accepted.isEmpty()) {
                best.end = pos;
                best.values = accepted;
            }
        }
        if (pos >= limit) {
            return;
        }
        Token t = tokens.get(pos);
        Node<T> child = node.next.get(t.lower());
        if (child != null) {
            walk(child, tokens, start, pos + 1, limit, filter, best);
        }
        if (node.any != null && t.word()) {
            walk(node.any, tokens, start, pos + 1, limit, filter, best);
        }
    }
}
