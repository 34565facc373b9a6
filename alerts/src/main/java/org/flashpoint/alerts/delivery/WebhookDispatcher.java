package org.flashpoint.alerts.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flashpoint.alerts.delivery.DeliveryLog.Delivery;
import org.flashpoint.alerts.delivery.DeliveryLog.Outcome;
import org.flashpoint.alerts.lifecycle.NoticeGrouper;
import org.flashpoint.alerts.lifecycle.Silence;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notices to every subscription that wants them: a signed POST (Standard Webhooks), retried with
 * exponential backoff under the same {@code webhook-id}, and after the last failed attempt handed to the dead-letter
 * sink. Subscriptions are served in parallel, each one's deliveries in order.
 *
 * <p>Per subscription, silenced notices are logged and skipped, and a {@link NoticeGrouper} turns a burst on one dyad
 * into the first notice at once plus one grouped delivery ({@link NoticeGroup}) when the group interval ends; a
 * ticker on the wall clock sends groups as they fall due. Silences are checked again when a group goes out, so a
 * silence set during the wait applies.
 */
public final class WebhookDispatcher implements AutoCloseable {

    /** Where notices that failed every attempt go ({@code alerts.undelivered}, keyed by subscription id). */
    @FunctionalInterface
    public interface DeadLetters {
        void send(String subscriptionId, AlertNotice notice);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final String CONTENT_TYPE = "application/json";

    private final WebhookRegistry registry;
    private final DeliveryLog log;
    private final DeadLetters deadLetters;
    private final DeliveryMetrics metrics;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration groupInterval;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /** One subscription's grouping state. Its lock keeps the subscription's deliveries in order. */
    private final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final NoticeGrouper grouper = new NoticeGrouper(groupInterval);
        // Published after each change has been acted on, so notices being sent still count as held.
        volatile Set<String> held = Set.of();
    }

    public WebhookDispatcher(WebhookRegistry registry, DeliveryLog log, DeadLetters deadLetters, DeliveryMetrics metrics,
                             Backoff backoff, Duration timeout, Duration groupInterval, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.log = Objects.requireNonNull(log, "log");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.groupInterval = Objects.requireNonNull(groupInterval, "groupInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "webhook-delivery"));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(workers).build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-group-ticker"));
        // A tenth of the interval, within 0.1-1 s: groups leave close to their due time without a busy ticker.
        long tick = Math.max(100, Math.min(1000, groupInterval.toMillis() / 10));
        ticker.scheduleWithFixedDelay(this::sendDueGroups, tick, tick, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Delivers a batch and returns when every subscription has received, dead-lettered or held each notice it
     * wants. The caller commits the batch's offsets afterwards (at-least-once: receivers dedupe on
     * {@code webhook-id}), but not past a notice that is still {@link #holds held}.
     */
    public void deliver(List<AlertNotice> notices) throws InterruptedException {
        notices.forEach(metrics::noticeRead);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Subscription subscription : registry.subscriptions()) {
            List<AlertNotice> wanted = notices.stream().filter(subscription::wants).toList();
            if (!wanted.isEmpty()) {
                Lane lane = lanes.computeIfAbsent(subscription.id(), id -> new Lane());
                running.add(CompletableFuture.runAsync(() -> offer(subscription, lane, wanted), workers));
            }
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("webhook delivery failed unexpectedly", e.getCause());
        }
        if (workers.isShutdown()) {
            // Deliveries were cut short: the batch must not count as delivered.
            throw new InterruptedException("webhook dispatcher closed");
        }
    }

    /** True while a subscription holds the notice for a grouped delivery, or is sending it in one. */
    public boolean holds(String noticeId) {
        return lanes.values().stream().anyMatch(lane -> lane.held.contains(noticeId));
    }

    private void offer(Subscription subscription, Lane lane, List<AlertNotice> notices) {
        lane.lock.lock();
        try {
            for (AlertNotice notice : notices) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (muted(subscription, notice)) {
                    continue;
                }
                List<AlertNotice> now = lane.grouper.offer(notice, clock.instant());
                if (now.isEmpty()) {
                    metrics.held(subscription.id());
                } else {
                    send(subscription, now);
                }
            }
        } finally {
            lane.held = lane.grouper.heldIds();
            lane.lock.unlock();
        }
    }

    /** The ticker: each subscription's due groups, on a worker; a subscription busy retrying is left to the next tick. */
    private void sendDueGroups() {
        try {
            lanes.forEach((id, lane) -> {
                Optional<Subscription> subscription = registry.subscription(id);
                if (subscription.isEmpty()) {
                    // Removed: its held notices go nowhere.
                    lanes.remove(id, lane);
                } else if (!lane.lock.isLocked()) {
                    workers.execute(() -> sendDue(subscription.get(), lane));
                }
            });
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; only close() may stop the ticker.
            if (!workers.isShutdown()) {
                LOG.error("webhook group ticker: a tick failed", e);
            }
        }
    }

    private void sendDue(Subscription subscription, Lane lane) {
        if (!lane.lock.tryLock()) {
            return;
        }
        try {
            for (List<AlertNotice> group : lane.grouper.due(clock.instant())) {
                List<AlertNotice> unmuted = group.stream().filter(n -> !muted(subscription, n)).toList();
                if (!unmuted.isEmpty()) {
                    send(subscription, unmuted);
                }
            }
        } catch (RuntimeException e) {
            // E.g. the dead-letter topic cannot be written; the tick must survive it.
            LOG.error("webhook {}: sending a due group failed", subscription.id(), e);
        } finally {
            lane.held = lane.grouper.heldIds();
            lane.lock.unlock();
        }
    }

    private boolean muted(Subscription subscription, AlertNotice notice) {
        Instant now = clock.instant();
        if (!Silence.anyMutes(registry.silences(), notice, now)) {
            return false;
        }
        record(subscription, new Delivery(notice.id(), 0, now, 0, null, Outcome.SILENCED));
        return true;
    }

    /** One notice as itself; several as one {@link NoticeGroup}. */
    private void send(Subscription subscription, List<AlertNotice> notices) {
        if (notices.size() == 1) {
            AlertNotice notice = notices.get(0);
            post(subscription, notice.id(), Json.write(notice), notices);
        } else {
            NoticeGroup group = NoticeGroup.of(notices);
            metrics.groupSent(subscription.id());
            post(subscription, group.id(), Json.write(group), notices);
        }
    }

    /** Attempts until delivered or out of attempts; then each notice carried goes to the dead letters. */
    private void post(Subscription subscription, String webhookId, byte[] body, List<AlertNotice> carried) {
        for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
            int status = 0;
            String error;
            try {
                status = attempt(subscription, webhookId, body);
                error = status / 100 == 2 ? null : "HTTP " + status;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (error == null) {
                record(subscription, new Delivery(webhookId, attempt, clock.instant(), status, null, Outcome.DELIVERED));
                return;
            }
            boolean last = attempt == backoff.maxAttempts();
            record(subscription, new Delivery(webhookId, attempt, clock.instant(), status, error,
                    last ? Outcome.DEAD_LETTERED : Outcome.FAILED));
            if (last) {
                LOG.warn("webhook {} failed {} times for {} ({}); sending it to the dead-letter topic",
                        subscription.id(), attempt, webhookId, error);
                carried.forEach(notice -> deadLetters.send(subscription.id(), notice));
                return;
            }
            try {
                Thread.sleep(backoff.delayAfter(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int attempt(Subscription subscription, String webhookId, byte[] body) throws IOException, InterruptedException {
        // Signed per attempt: the timestamp is the attempt's, so receivers can reject stale replays.
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(subscription.url())
                .timeout(timeout)
                .header("content-type", CONTENT_TYPE)
                .header(WebhookSignature.ID_HEADER, webhookId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret(), webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void record(Subscription subscription, Delivery delivery) {
        log.record(subscription.id(), delivery);
        metrics.attempt(subscription.id(), delivery.outcome());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
