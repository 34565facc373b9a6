package org.flashpoint.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;

/**
 * Turns a burst of notices into one delivery per dyad per interval, for subscribers that page a person. The first
 * notice of a dyad goes out at once; notices of that dyad within the next {@code interval} are held, only the newest
 * of each alert kept, and go out together when the interval ends ({@link #due}), or with the next notice of the dyad
 * if that comes first. The {@code alerts} topic is not grouped: it is the complete record of changes, and grouping
 * happens where a person is notified. A zero interval holds nothing.
 *
 * <p>Not thread-safe; time is an argument (delivery passes its wall clock).
 */
public final class NoticeGrouper {

    private final Duration interval;
    private final Map<Dyad, Instant> lastDelivery = new HashMap<>();
    private final Map<Dyad, Map<String, AlertNotice>> held = new TreeMap<>();

    public NoticeGrouper(Duration interval) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a grouping interval cannot be negative, got " + interval);
        }
    }

    /**
     * A notice arrives at {@code now}: the notices to deliver now, oldest first. That is nothing when it is held;
     * itself when its dyad's interval is over; itself after the dyad's notices still held from the ended interval,
     * so that nothing older is delivered after something newer.
     */
    public List<AlertNotice> offer(AlertNotice notice, Instant now) {
        Dyad dyad = notice.data().dyad();
        Instant last = lastDelivery.get(dyad);
        if (last != null && now.isBefore(last.plus(interval))) {
            putNewest(held.computeIfAbsent(dyad, d -> new LinkedHashMap<>()), notice);
            return List.of();
        }
        lastDelivery.put(dyad, now);
        Map<String, AlertNotice> group = held.remove(dyad);
        if (group == null) {
            return List.of(notice);
        }
        putNewest(group, notice);
        return List.copyOf(group.values());
    }

    /** The held notices whose dyad's interval has ended by {@code now}, one group per dyad, newest per alert. */
    public List<List<AlertNotice>> due(Instant now) {
        List<List<AlertNotice>> groups = new ArrayList<>();
        var it = held.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (!now.isBefore(lastDelivery.get(entry.getKey()).plus(interval))) {
                groups.add(List.copyOf(entry.getValue().values()));
                lastDelivery.put(entry.getKey(), now);
                it.remove();
            }
        }
        return groups;
    }

    /** The ids of the notices held now; a superseded notice is no longer held. */
    public Set<String> heldIds() {
        Set<String> ids = new HashSet<>();
        held.values().forEach(group -> group.values().forEach(n -> ids.add(n.id())));
        return ids;
    }

    // Re-inserted rather than replaced, so a group lists its alerts in the order of their latest change.
    private static void putNewest(Map<String, AlertNotice> group, AlertNotice notice) {
        group.remove(notice.data().alertId());
        group.put(notice.data().alertId(), notice);
    }
}
