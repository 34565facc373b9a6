package org.flashpoint.alerts.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The recent delivery attempts of each subscription, newest last, a bounded number per subscription. */
public final class DeliveryLog {

    /** What became of one attempt. */
    public enum Outcome { DELIVERED, FAILED, DEAD_LETTERED, SILENCED }

    /**
     * One attempt (or, for SILENCED, the decision not to try).
     *
     * @param webhookId  the {@code webhook-id} header, the same on every attempt of one notice
     * @param attempt    1-based; 0 when silenced
     * @param at         when the attempt ended
     * @param status     the receiver's HTTP status, 0 when there was no response
     * @param error      why it failed, null when it did not
     * @param outcome    delivered, failed (to be retried), dead-lettered (last attempt failed) or silenced
     */
    public record Delivery(String webhookId, int attempt, Instant at, int status, String error, Outcome outcome) {
    }

    private final int perSubscription;
    private final Map<String, Deque<Delivery>> bySubscription = new ConcurrentHashMap<>();

    public DeliveryLog(int perSubscription) {
        if (perSubscription < 1) {
            throw new IllegalArgumentException("the delivery log must keep at least one entry, got " + perSubscription);
        }
        this.perSubscription = perSubscription;
    }

    public void record(String subscriptionId, Delivery delivery) {
        Deque<Delivery> log = bySubscription.computeIfAbsent(subscriptionId, id -> new ArrayDeque<>());
        synchronized (log) {
            log.addLast(delivery);
            if (log.size() > perSubscription) {
                log.removeFirst();
            }
        }
    }

    public List<Delivery> deliveries(String subscriptionId) {
        Deque<Delivery> log = bySubscription.get(subscriptionId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Forgets a removed subscription's attempts. */
    public void forget(String subscriptionId) {
        bySubscription.remove(subscriptionId);
    }
}
