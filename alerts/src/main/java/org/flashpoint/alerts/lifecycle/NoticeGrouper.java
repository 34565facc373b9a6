package org.flashpoint.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;

/**
 * Turns a burst of notices into one delivery per dyad per interval, for subscribers that page a person. The first
 * notice of a dyad goes out at once; notices of that dyad within the next {@code interval} are held, only the newest
 * of each alert kept, and go out together when the interval ends ({@link #due}). The {@code alerts} topic is not
 * grouped: it is the complete record of changes, and grouping happens where a person is notified.
 *
 * <p>Not thread-safe; time is an argument (delivery passes its wall clock).
 */
public final class NoticeGrouper {

    private final Duration interval;
    private final Map<Dyad, Instant> lastDelivery = new HashMap<>();
    private final Map<Dyad, Map<String, AlertNotice>> held = new TreeMap<>();

    public NoticeGrouper(Duration interval) {
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** A notice arrives at {@code now}: the notices to deliver now (itself, or nothing when held). */
    public List<AlertNotice> offer(AlertNotice notice, Instant now) {
        Dyad dyad = notice.data().dyad();
        Instant last = lastDelivery.get(dyad);
        if (last == null || !now.isBefore(last.plus(interval))) {
            lastDelivery.put(dyad, now);
            return List.of(notice);
        }
        held.computeIfAbsent(dyad, d -> new LinkedHashMap<>()).put(notice.data().alertId(), notice);
        return List.of();
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
}
