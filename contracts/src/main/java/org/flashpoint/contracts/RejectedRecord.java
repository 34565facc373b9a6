package org.flashpoint.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A record that could not be accepted, published to {@code articles.rejected} so nothing is silently lost.
 *
 * @param reason        machine-readable reason code, e.g. {@code invalid_utf8}, {@code future_date}
 * @param message       what went wrong and what to do about it, for a person
 * @param origin        where it came from: file and byte offset, HTTP request id, or topic/partition/offset
 * @param stage         which step rejected it: {@code ingest}, {@code replay}, {@code http}, {@code streams}
 * @param rejectedAt    when it was rejected
 * @param payload       the original bytes as text (UTF-8, invalid sequences replaced), cut at a limit
 * @param payloadBytes  size of the original input in bytes
 * @param truncated     true when {@code payload} was cut
 */
public record RejectedRecord(
        String reason,
        String message,
        String origin,
        String stage,
        Instant rejectedAt,
        String payload,
        long payloadBytes,
        boolean truncated) {

    /** Longest payload excerpt kept on the dead-letter topic. */
    public static final int PAYLOAD_LIMIT = 64 * 1024;

    public RejectedRecord {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
    }

    /** Builds a rejection keeping at most {@link #PAYLOAD_LIMIT} characters of the original bytes. */
    public static RejectedRecord of(String reason, String message, String origin, String stage,
                                    Instant rejectedAt, byte[] original) {
        byte[] bytes = original == null ? new byte[0] : original;
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        boolean cut = text.length() > PAYLOAD_LIMIT;
        return new RejectedRecord(reason, message, origin, stage, rejectedAt,
                cut ? text.substring(0, PAYLOAD_LIMIT) : text, bytes.length, cut);
    }
}
