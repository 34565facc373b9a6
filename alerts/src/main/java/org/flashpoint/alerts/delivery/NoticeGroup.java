package org.flashpoint.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.flashpoint.contracts.AlertNotice;

/**
 * Several notices of one dyad sent as one webhook request, in the same CloudEvents envelope as a single notice so a
 * receiver tells them apart by {@code type} alone: {@code org.flashpoint.alert.group}, {@code subject} the dyad,
 * {@code time} the newest change, and {@code data.notices} the notices, one per alert, oldest change first.
 *
 * <p>The id is derived from the member notice ids, so every retry of the group (and a re-sent identical group after
 * a restart) carries the same {@code webhook-id}.
 */
public record NoticeGroup(String specversion, String id, String source, String type, String subject, Instant time,
                          String datacontenttype, Members data) {

    public static final String TYPE = AlertNotice.TYPE_PREFIX + "group";

    /** The payload: the grouped notices. */
    public record Members(List<AlertNotice> notices) {
    }

    public NoticeGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
    }

    /** Groups notices of one dyad; at least two, else a single notice is sent as itself. */
    public static NoticeGroup of(List<AlertNotice> notices) {
        if (notices.size() < 2) {
            throw new IllegalArgumentException("a group has at least two notices, got " + notices.size());
        }
        String subject = notices.get(0).subject();
        Instant newest = notices.stream().map(AlertNotice::time).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new NoticeGroup(AlertNotice.SPEC_VERSION, "group." + subject + "." + digest(notices), AlertNotice.SOURCE,
                TYPE, subject, newest, "application/json", new Members(List.copyOf(notices)));
    }

    private static String digest(List<AlertNotice> notices) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (AlertNotice n : notices) {
                sha.update(n.id().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
