package org.flashpoint.alerts.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;

/**
 * What the alerts role knows of the {@code alerts} topic: the latest notice of every alert, and the recent notices in
 * arrival order for SSE clients that reconnect with {@code Last-Event-ID} (the notice id). A notice id seen before is
 * ignored, so a redelivered record neither changes the view nor reaches a client twice.
 *
 * <p>Thread-safe: the feed thread adds, HTTP threads read and subscribe.
 */
public final class AlertView {

    private final int capacity;
    private final Deque<AlertNotice> recent = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, AlertNotice> latest = new HashMap<>();
    private final List<Consumer<AlertNotice>> listeners = new CopyOnWriteArrayList<>();
    private long received;

    /** @param capacity how many recent notices are kept for replay; older ones remain only as their alert's latest */
    public AlertView(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the alert view must keep at least one notice, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a notice and pushes it to every subscriber; false when its id was seen before. */
    public synchronized boolean accept(AlertNotice notice) {
        if (!seen.add(notice.id())) {
            return false;
        }
        received++;
        recent.addLast(notice);
        if (recent.size() > capacity) {
            seen.remove(recent.removeFirst().id());
        }
        latest.merge(notice.data().alertId(), notice,
                (old, now) -> now.data().sequence() >= old.data().sequence() ? now : old);
        for (Consumer<AlertNotice> listener : listeners) {
            listener.accept(notice);
        }
        return true;
    }

    /**
     * Replays to {@code listener} every kept notice after {@code lastEventId} (all of them when it is null or no
     * longer kept), then pushes each new one. Replay and registration happen under the view's lock, so a notice is
     * neither skipped nor pushed twice between the two.
     *
     * @return call it to stop the pushes
     */
    public synchronized Runnable subscribe(String lastEventId, Consumer<AlertNotice> listener) {
        replayAfter(lastEventId).forEach(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Kept notices after {@code lastEventId}, oldest first; all of them when the id is null or unknown. */
    public synchronized List<AlertNotice> replayAfter(String lastEventId) {
        List<AlertNotice> all = new ArrayList<>(recent);
        if (lastEventId == null || !seen.contains(lastEventId)) {
            return all;
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(lastEventId)) {
                return List.copyOf(all.subList(i + 1, all.size()));
            }
        }
        return all;
    }

    /** The latest notice of each alert, newest change first, optionally only one state and one dyad. */
    public synchronized List<AlertNotice> alerts(Alert.State state, Dyad dyad) {
        return latest.values().stream()
                .filter(n -> state == null || n.data().state() == state)
                .filter(n -> dyad == null || n.data().dyad().equals(dyad))
                .sorted(Comparator.comparing((AlertNotice n) -> n.data().updatedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed().thenComparing(AlertNotice::id))
                .toList();
    }

    /** The latest notice of one alert. */
    public synchronized Optional<AlertNotice> alert(String alertId) {
        return Optional.ofNullable(latest.get(alertId));
    }

    /** How many alerts have their latest notice in {@code state}. */
    public synchronized long count(Alert.State state) {
        return latest.values().stream().filter(n -> n.data().state() == state).count();
    }

    /** How many distinct notices arrived since start. */
    public synchronized long noticeCount() {
        return received;
    }
}
