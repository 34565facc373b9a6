package org.flashpoint.streams.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

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

    public TextFingerprint {
        if (minHashes == null || minHashes.length != HASHES) {
            throw new IllegalArgumentException("a fingerprint has " + HASHES + " min-hashes");
        }
        minHashes = minHashes.clone();
    }

    /** The fingerprint of a text: lower-cased words, punctuation and spacing ignored. */
    public static TextFingerprint of(String text) {
        long[] words = wordHashes(text);
        int count = words.length == 0 ? 0 : Math.max(1, words.length - SHINGLE_WORDS + 1);
        long[] shingleHashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0;
            for (int w = i; w < Math.min(words.length, i + SHINGLE_WORDS); w++) {
                h = mix(h * 0x100000001b3L + words[w]);
            }
            shingleHashes[i] = h;
        }
        // Sorted and de-duplicated in place: a text's repeated phrases count once, without boxing every hash.
        Arrays.sort(shingleHashes);
        int distinct = 0;
        for (int i = 0; i < shingleHashes.length; i++) {
            if (i == 0 || shingleHashes[i] != shingleHashes[i - 1]) {
                shingleHashes[distinct++] = shingleHashes[i];
            }
        }
        int[] mins = new int[HASHES];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (int i = 0; i < distinct; i++) {
            long base = shingleHashes[i];
            for (int k = 0; k < HASHES; k++) {
                // Unsigned order is not needed: any fixed total order gives a valid min-hash.
                int h = (int) (mix(base ^ (0x9E3779B97F4A7C15L * (k + 1))) >>> 32);
                if (h < mins[k]) {
                    mins[k] = h;
                }
            }
        }
        return new TextFingerprint(distinct, mins);
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

    /** FNV-1a of each lower-cased run of letters and digits, read in one pass without making strings. */
    private static long[] wordHashes(String text) {
        if (text == null) {
            return new long[0];
        }
        long[] hashes = new long[16];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            i += i < text.length() ? Character.charCount(c) : 1;
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    h = 0xcbf29ce484222325L;
                    inWord = true;
                }
                h = (h ^ Character.toLowerCase(c)) * 0x100000001b3L;
            } else if (inWord) {
                if (n == hashes.length) {
                    hashes = Arrays.copyOf(hashes, n * 2);
                }
                hashes[n++] = h;
                inWord = false;
            }
        }
        return Arrays.copyOf(hashes, n);
    }

    /** The SplitMix64 finaliser: spreads the bits of a seeded hash so each k behaves as its own hash function. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The stored form, {@code shingles:base64 of the min-hashes}: a fingerprint is most of what an open incident
     * keeps per report, and this is half the size of a JSON array of numbers.
     */
    @JsonValue
    public String encoded() {
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * Integer.BYTES);
        bytes.asIntBuffer().put(minHashes);
        return shingles + ":" + Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
    }

    @JsonCreator
    public static TextFingerprint decode(String encoded) {
        int colon = encoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a stored fingerprint is 'shingles:base64', not '" + encoded + "'");
        }
        int[] mins = new int[HASHES];
        ByteBuffer.wrap(Base64.getDecoder().decode(encoded.substring(colon + 1))).asIntBuffer().get(mins);
        return new TextFingerprint(Integer.parseInt(encoded.substring(0, colon)), mins);
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
