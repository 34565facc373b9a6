package org.flashpoint.alerts.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flashpoint.alerts.delivery.DeliveryLog.Delivery;
import org.flashpoint.alerts.delivery.DeliveryLog.Outcome;
import org.flashpoint.alerts.lifecycle.Silence;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notices to every subscription that wants them: a signed POST (Standard Webhooks), retried with
 * exponential backoff under the same {@code webhook-id} (the notice id), and after the last failed attempt handed to
 * the dead-letter sink. Subscriptions are served in parallel, each one's notices in order. Silenced notices are
 * logged and skipped.
 */
public final class WebhookDispatcher implements AutoCloseable {

    /** Where notices that failed every attempt go ({@code alerts.undelivered}, keyed by subscription id). */
    @FunctionalInterface
    public interface DeadLetters {
        void send(String subscriptionId, AlertNotice notice);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRegistry registry;
    private final DeliveryLog log;
    private final DeadLetters deadLetters;
    private final Backoff backoff;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService workers;

    public WebhookDispatcher(WebhookRegistry registry, DeliveryLog log, DeadLetters deadLetters, Backoff backoff,
                             Duration timeout, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.log = Objects.requireNonNull(log, "log");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(workers).build();
    }

    /**
     * Delivers a batch and returns when every subscription has either received or dead-lettered each notice it
     * wants, so the caller can commit the batch's offsets afterwards (at-least-once: receivers dedupe on
     * {@code webhook-id}).
     */
    public void deliver(List<AlertNotice> notices) throws InterruptedException {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Subscription subscription : registry.subscriptions()) {
            List<AlertNotice> wanted = notices.stream().filter(subscription::wants).toList();
            if (!wanted.isEmpty()) {
                running.add(CompletableFuture.runAsync(() -> deliverInOrder(subscription, wanted), workers));
            }
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("webhook delivery failed unexpectedly", e.getCause());
        }
        if (workers.isShutdown()) {
            // Deliveries were cut short: the batch must not count as delivered.
            throw new InterruptedException("webhook dispatcher closed");
        }
    }

    private void deliverInOrder(Subscription subscription, List<AlertNotice> notices) {
        for (AlertNotice notice : notices) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (Silence.anyMutes(registry.silences(), notice, clock.instant())) {
                log.record(subscription.id(), new Delivery(notice.id(), 0, clock.instant(), 0, null, Outcome.SILENCED));
                continue;
            }
            deliver(subscription, notice);
        }
    }

    private void deliver(Subscription subscription, AlertNotice notice) {
        byte[] body = Json.write(notice);
        for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
            int status = 0;
            String error;
            try {
                status = post(subscription, notice.id(), body);
                error = status / 100 == 2 ? null : "HTTP " + status;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (error == null) {
                log.record(subscription.id(), new Delivery(notice.id(), attempt, clock.instant(), status, null, Outcome.DELIVERED));
                return;
            }
            boolean last = attempt == backoff.maxAttempts();
            log.record(subscription.id(), new Delivery(notice.id(), attempt, clock.instant(), status, error,
                    last ? Outcome.DEAD_LETTERED : Outcome.FAILED));
            if (last) {
                LOG.warn("webhook {} failed {} times for {} ({}); sending it to the dead-letter topic",
                        subscription.id(), attempt, notice.id(), error);
                deadLetters.send(subscription.id(), notice);
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

    private int post(Subscription subscription, String webhookId, byte[] body) throws IOException, InterruptedException {
        // Signed per attempt: the timestamp is the attempt's, so receivers can reject stale replays.
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(subscription.url())
                .timeout(timeout)
                .header("content-type", "application/json")
                .header(WebhookSignature.ID_HEADER, webhookId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret(), webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
