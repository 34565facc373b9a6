package org.flashpoint.streams.incidents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MinHash signature over the word 4-shingles of an article's text, small enough to keep per report in state.
 * Two texts are near-duplicates when the estimated share of the shorter text's shingles found in the other
 * (containment) reaches a threshold: containment, not Jaccard, so a truncated copy of a wire story still matches.
 *
 * @param shingles   number of distinct shingles of the text
 * @param minHashes  the minimum of each of the {@value #HASHES} hash functions over the shingles
 */
public record TextFingerprint(int shingles, int[] minHashes) {

    public static final int HASHES = 128;
    static final int SHINGLE_WORDS = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public TextFingerprint {
        if (minHashes == null || minHashes.length != HASHES) {
            throw new IllegalArgumentException("a fingerprint has " + HASHES + " min-hashes");
        }
        minHashes = minHashes.clone();
    }

    /** The fingerprint of a text: lower-cased words, punctuation and spacing ignored. */
    public static TextFingerprint of(String text) {
        Set<Long> shingleHashes = new HashSet<>();
        String[] words = words(text);
        int count = Math.max(1, words.length - SHINGLE_WORDS + 1);
        for (int i = 0; i < count && words.length > 0; i++) {
            String shingle = String.join(" ", Arrays.copyOfRange(words, i, Math.min(words.length, i + SHINGLE_WORDS)));
            shingleHashes.add(fnv1a(shingle));
        }
        int[] mins = new int[HASHES];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long base : shingleHashes) {
            for (int k = 0; k < HASHES; k++) {
                // Unsigned order is not needed: any fixed total order gives a valid min-hash.
                int h = (int) (mix(base ^ (0x9E3779B97F4A7C15L * (k + 1))) >>> 32);
                if (h < mins[k]) {
                    mins[k] = h;
                }
            }
        }
        return new TextFingerprint(shingleHashes.size(), mins);
    }

    /** Estimated share of the smaller text's shingles that also occur in the other, 0..1. */
    public double containment(TextFingerprint other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int equal = 0;
        for (int k = 0; k < HASHES; k++) {
            if (minHashes[k] == other.minHashes[k]) {
                equal++;
            }
        }
        double jaccard = equal / (double) HASHES;
        double intersection = jaccard / (1 + jaccard) * (shingles + other.shingles);
        return Math.min(1.0, intersection / Math.min(shingles, other.shingles));
    }

    private static String[] words(String text) {
        if (text == null) {
            return new String[0];
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        java.util.List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        return words.toArray(String[]::new);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The SplitMix64 finaliser: spreads the bits of a seeded hash so each k behaves as its own hash function. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextFingerprint f && f.shingles == shingles && Arrays.equals(f.minHashes, minHashes);
    }

    @Override
    public int hashCode() {
        return 31 * shingles + Arrays.hashCode(minHashes);
    }

    @Override
    public String toString() {
        return "TextFingerprint[shingles=" + shingles + "]";
    }
}
