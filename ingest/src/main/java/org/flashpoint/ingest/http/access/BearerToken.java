package org.flashpoint.ingest.http.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The shared secret that write requests must carry as {@code Authorization: Bearer <token>}. Only a SHA-256 of the
 * token is kept, and header and token are compared as digests with {@link MessageDigest#isEqual}, so the time a
 * comparison takes says nothing about how much of a guess was right, nor about the token's length.
 */
public final class BearerToken {

    /** The configuration property that turns the check on; the commands set it from --token or FLASHPOINT_TOKEN. */
    public static final String PROPERTY = "flashpoint.http.token";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String SCHEME = "Bearer ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;

    public BearerToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(PROPERTY + " is blank; set a token or leave the property out");
        }
        this.digest = sha256(token);
    }

    /** Whether a request with this method changes something and so needs the token. */
    public static boolean guards(String method) {
        return !READS.contains(method);
    }

    /** Whether an {@code Authorization} header value (null when absent) carries this token. */
    public boolean admits(String authorization) {
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    /** A new token: 32 random bytes, URL-safe Base64 without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token given (option or environment), else a new one handed to {@code announce}, so a role started
     * without one is closed rather than open.
     */
    public static String givenOrNew(String given, Consumer<String> announce) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String token = generate();
        announce.accept(token);
        return token;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
