package org.flashpoint.streams.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A min-hash signature over the word 4-shingles of an article's text, small enough to keep per report in state.
 * Two texts are near-duplicates when the estimated share of the shorter text's shingles found in the other
 * (containment) reaches a threshold: containment, not Jaccard, so a truncated copy of a wire story still matches.
 * <p>
 * The method is one-permutation hashing (Li, Owen, Zhang, "One Permutation Hashing", NIPS 2012): each distinct
 * shingle is hashed once, the hash's top bits pick one of {@value #BINS} bins and each bin keeps the minimum of the
 * remaining bits. Of that minimum only a 16-bit digest is stored, as in b-bit minwise hashing (Li, König, "b-Bit
 * Minwise Hashing", WWW 2010): its remainder modulo 65535, plus one so that 0 marks an empty bin. Two bins holding
 * different minima then agree by accident with probability 1/65535.
 * Fingerprints stored in the earlier format (128 independent 32-bit min-hashes) are not comparable with these.
 *
 * <p>A value (equal by content); a class rather than a record only so that it can keep its stored form, which an open
 * incident's state writes again for each of its reports on every update.
 */
public final class TextFingerprint {

    public static final int BINS = 128;
    static final short EMPTY = 0;
    static final int SHINGLE_WORDS = 4;
    private static final int BIN_BITS = Integer.numberOfTrailingZeros(BINS);
    private static final long VALUE_MASK = -1L >>> BIN_BITS;

    private final int shingles;
    private final short[] bins;
    /** {@link #encoded()}, computed once; a benign race, as the string is immutable and always the same. */
    private String encoded;

    /**
     * @param shingles  number of distinct shingles of the text
     * @param bins      per bin, the 16-bit digest of the minimum hash that fell into it, or {@value #EMPTY} if none did
     */
    public TextFingerprint(int shingles, short[] bins) {
        if (shingles < 0) {
            throw new IllegalArgumentException("a shingle count is not negative: " + shingles);
        }
        if (bins == null || bins.length != BINS) {
            throw new IllegalArgumentException("a fingerprint has " + BINS + " bins");
        }
        this.shingles = shingles;
        this.bins = bins.clone();
    }

    public int shingles() {
        return shingles;
    }

    /** A copy: the fingerprint is a value and must not change under its holders. */
    public short[] bins() {
        return bins.clone();
    }

    /** The fingerprint of a text: lower-cased words, punctuation and spacing ignored. */
    public static TextFingerprint of(String text) {
        long[] words = wordHashes(text);
        int count = words.length == 0 ? 0 : Math.max(1, words.length - SHINGLE_WORDS + 1);
        long[] mins = new long[BINS];
        Arrays.fill(mins, Long.MAX_VALUE);
        // Open addressing to count distinct shingles, so a text's repeated phrases count once; 0 marks a free slot.
        long[] seen = new long[Integer.highestOneBit(Math.max(1, count)) << 2];
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            long h = 0;
            for (int w = i; w < Math.min(words.length, i + SHINGLE_WORDS); w++) {
                h = h * 0x100000001b3L + words[w];
            }
            h = mix(h);
            int bin = (int) (h >>> (Long.SIZE - BIN_BITS));
            mins[bin] = Math.min(mins[bin], h & VALUE_MASK);
            // The low bit is set so no hash is 0: two shingles are then taken as one with chance 2^-63, not 2^-64.
            long key = h | 1;
            int slot = (int) key & (seen.length - 1);
            while (seen[slot] != 0 && seen[slot] != key) {
                slot = (slot + 1) & (seen.length - 1);
            }
            if (seen[slot] == 0) {
                seen[slot] = key;
                distinct++;
            }
        }
        short[] bins = new short[BINS];
        for (int k = 0; k < BINS; k++) {
            // 1..65535 (as a signed short) for a filled bin, never EMPTY; a 57-bit value's remainder is near uniform.
            bins[k] = mins[k] == Long.MAX_VALUE ? EMPTY : (short) (1 + mins[k] % 0xFFFF);
        }
        return new TextFingerprint(distinct, bins);
    }

    /** Estimated share of the smaller text's shingles that also occur in the other, 0..1. */
    public double containment(TextFingerprint other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int equal = 0;
        int bothEmpty = 0;
        for (int k = 0; k < BINS; k++) {
            if (bins[k] == EMPTY && other.bins[k] == EMPTY) {
                bothEmpty++;
            } else if (bins[k] == other.bins[k]) {
                equal++;
            }
        }
        double jaccard = bothEmpty == BINS ? 0 : equal / (double) (BINS - bothEmpty);
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

    /** The SplitMix64 finaliser: spreads a shingle's word-polynomial over all 64 bits, so bin and value are uniform. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The stored form, {@code shingles:base64 of the bins} (2 bytes each, about 350 characters): a fingerprint is
     * most of what an open incident keeps per report.
     */
    @JsonValue
    public String encoded() {
        String stored = encoded;
        if (stored == null) {
            ByteBuffer bytes = ByteBuffer.allocate(BINS * Short.BYTES);
            bytes.asShortBuffer().put(bins);
            stored = shingles + ":" + Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
            encoded = stored;
        }
        return stored;
    }

    @JsonCreator
    public static TextFingerprint decode(String encoded) {
        int colon = encoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a stored fingerprint is 'shingles:base64', not '" + encoded + "'");
        }
        byte[] bytes = Base64.getDecoder().decode(encoded.substring(colon + 1));
        if (bytes.length != BINS * Short.BYTES) {
            throw new IllegalArgumentException("a stored fingerprint has " + BINS * Short.BYTES + " bytes of bins, not "
                    + bytes.length);
        }
        short[] bins = new short[BINS];
        ByteBuffer.wrap(bytes).asShortBuffer().get(bins);
        return new TextFingerprint(Integer.parseInt(encoded.substring(0, colon)), bins);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextFingerprint f && f.shingles == shingles && Arrays.equals(f.bins, bins);
    }

    @Override
    public int hashCode() {
        return 31 * shingles + Arrays.hashCode(bins);
    }

    @Override
    public String toString() {
        return "TextFingerprint[shingles=" + shingles + "]";
    }
}
