package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flashpoint.alerts.delivery.DeliveryLog.Delivery;
import org.flashpoint.alerts.delivery.DeliveryLog.Outcome;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery against a real local HTTP receiver: signatures, retries, dead letters, filters, silences, grouping. */
class WebhookDispatcherTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(40));

    private final List<String> deadLettered = new ArrayList<>();
    private final DeliveryLog log = new DeliveryLog(50);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WebhookReceiver receiver;
    private WebhookDispatcher dispatcher;

    /** Without grouping: every notice goes out at once. */
    private WebhookDispatcher dispatcher(WebhookRegistry registry) {
        return dispatcher(registry, Duration.ZERO);
    }

    private WebhookDispatcher dispatcher(WebhookRegistry registry, Duration groupInterval) {
        dispatcher = new WebhookDispatcher(registry, log, (subscription, notice) -> deadLettered.add(subscription + " " + notice.id()),
                new DeliveryMetrics(meters), FAST, Duration.ofSeconds(10), groupInterval, Clock.systemUTC());
        return dispatcher;
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebhookRegistry registryWith(Subscription... subscriptions) {
        WebhookRegistry registry = new WebhookRegistry();
        for (Subscription s : subscriptions) {
            registry.add(s);
        }
        return registry;
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void a_receiver_that_fails_twice_gets_the_notice_on_the_third_attempt_under_the_same_id_each_time_validly_signed()
            throws Exception {
        receiver = new WebhookReceiver(2);
        AlertNotice notice = Notices.firing(1);

        dispatcher(registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null))).deliver(List.of(notice));

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 500, 204);
        assertThat(receiver.received()).allSatisfy(r -> {
            assertThat(r.id()).isEqualTo(notice.id());
            assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, r.id(), Long.parseLong(r.timestamp()), r.body()));
            assertThat(Json.read(r.body(), AlertNotice.class)).isEqualTo(notice);
        });
        assertThat(log.deliveries("ops")).extracting(Delivery::attempt, Delivery::status, Delivery::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 500, Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple(2, 500, Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple(3, 204, Outcome.DELIVERED));
        assertThat(deadLettered).isEmpty();
        assertThat(count(DeliveryMetrics.DELIVERIES, "subscription", "ops", "outcome", "failed")).isEqualTo(2);
        assertThat(count(DeliveryMetrics.DELIVERIES, "subscription", "ops", "outcome", "delivered")).isEqualTo(1);
        assertThat(count(DeliveryMetrics.NOTICES, "state", "firing")).isEqualTo(1);
    }

    @Test
    void a_notice_that_fails_every_attempt_goes_to_the_dead_letters_once_and_the_next_notice_is_still_tried() throws Exception {
        receiver = new WebhookReceiver(3);
        AlertNotice first = Notices.firing(1);
        AlertNotice second = Notices.firing(2);

        dispatcher(registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null))).deliver(List.of(first, second));

        assertThat(deadLettered).containsExactly("ops " + first.id());
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id)
                .containsExactly(first.id(), first.id(), first.id(), second.id());
        assertThat(log.deliveries("ops")).extracting(Delivery::outcome)
                .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.DEAD_LETTERED, Outcome.DELIVERED);
        assertThat(count(DeliveryMetrics.DELIVERIES, "subscription", "ops", "outcome", "dead_lettered")).isEqualTo(1);
    }

    @Test
    void an_unreachable_receiver_is_retried_and_dead_lettered_with_the_connection_error_logged() throws Exception {
        receiver = new WebhookReceiver(0);
        java.net.URI gone = receiver.url();
        receiver.close();

        dispatcher(registryWith(new Subscription("gone", gone, SECRET, null, null, null))).deliver(List.of(Notices.firing(1)));

        assertThat(deadLettered).hasSize(1);
        assertThat(log.deliveries("gone")).hasSize(3).allSatisfy(d -> {
            assertThat(d.status()).isZero();
            assertThat(d.error()).isNotBlank();
        });
    }

    @Test
    void filters_on_dyad_severity_and_state_decide_what_each_subscription_receives() throws Exception {
        receiver = new WebhookReceiver(0);
        Dyad grcTur = Dyad.of("GRC", "TUR");
        AlertNotice pakWarning = Notices.notice(Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.WARNING, 1, 1);
        AlertNotice pakCritical = Notices.notice(Notices.IRN_PAK, Alert.State.UPGRADED, Alert.Severity.CRITICAL, 2, 2);
        AlertNotice turkey = Notices.notice(grcTur, Alert.State.FIRING, Alert.Severity.CRITICAL, 1, 3);
        AlertNotice resolved = Notices.notice(Notices.IRN_PAK, Alert.State.RESOLVED, Alert.Severity.CRITICAL, 3, 4);

        dispatcher(registryWith(new Subscription("iran-critical", receiver.url(), SECRET, List.of("IRN-*"),
                Alert.Severity.CRITICAL, Set.of(Alert.State.FIRING, Alert.State.UPGRADED))))
                .deliver(List.of(pakWarning, pakCritical, turkey, resolved));

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsExactly(pakCritical.id());
    }

    @Test
    void a_silenced_notice_is_logged_as_silenced_and_not_sent() throws Exception {
        receiver = new WebhookReceiver(0);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("webhooks", ".yaml");
        java.nio.file.Files.writeString(file, """
                webhooks:
                  - id: ops
                    url: %s
                    secret: %s
                silences:
                  - id: known
                    dyads: [PAK-*]
                    until: %s
                    comment: exercise announced
                """.formatted(receiver.url(), SECRET, Instant.now().plus(Duration.ofDays(1))), StandardCharsets.UTF_8);

        dispatcher(WebhookRegistry.load(file)).deliver(List.of(Notices.firing(1)));

        assertThat(receiver.received()).isEmpty();
        assertThat(log.deliveries("ops")).extracting(Delivery::outcome).containsExactly(Outcome.SILENCED);
        assertThat(count(DeliveryMetrics.SILENCED, "subscription", "ops")).isEqualTo(1);
    }

    /** IRN-PAK: tension-week 1 and 2, then spike 1, border 1 and tension-week 3, within a second. */
    private static List<AlertNotice> burst() {
        return List.of(
                Notices.notice("tension-week", Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.WARNING, 1, 1),
                Notices.notice("tension-week", Notices.IRN_PAK, Alert.State.UPGRADED, Alert.Severity.CRITICAL, 2, 2),
                Notices.notice("tension-spike", Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.WARNING, 1, 2),
                Notices.notice("deadly-border-incident", Notices.IRN_PAK, Alert.State.FIRING, Alert.Severity.CRITICAL, 1, 3),
                Notices.notice("tension-week", Notices.IRN_PAK, Alert.State.RESOLVED, Alert.Severity.CRITICAL, 3, 4));
    }

    private static void assertSigned(WebhookReceiver.Received r) {
        assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, r.id(), Long.parseLong(r.timestamp()), r.body()));
    }

    @Test
    void a_burst_on_one_dyad_reaches_the_receiver_as_the_first_notice_at_once_and_one_signed_group_of_the_rest()
            throws Exception {
        receiver = new WebhookReceiver(0);
        List<AlertNotice> burst = burst();
        dispatcher(registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null)), Duration.ofSeconds(1));

        dispatcher.deliver(burst);
        List<WebhookReceiver.Received> atOnce = receiver.received();
        WebhookReceiver.Received first = receiver.nextAccepted(Duration.ofSeconds(10));
        WebhookReceiver.Received grouped = receiver.nextAccepted(Duration.ofSeconds(10));

        assertThat(atOnce).extracting(WebhookReceiver.Received::id).containsExactly(burst.get(0).id());
        assertThat(Json.read(first.body(), AlertNotice.class)).isEqualTo(burst.get(0));
        assertSigned(first);
        assertSigned(grouped);
        NoticeGroup group = Json.read(grouped.body(), NoticeGroup.class);
        assertThat(grouped.id()).isEqualTo(group.id()).startsWith("group.IRN-PAK.");
        assertThat(group.type()).isEqualTo("org.flashpoint.alert.group");
        assertThat(group.subject()).isEqualTo("IRN-PAK");
        // One entry per alert, in the order of their latest change; tension-week 2 was superseded by 3.
        assertThat(group.data().notices()).containsExactly(burst.get(2), burst.get(3), burst.get(4));
        assertThat(receiver.nextAccepted(Duration.ofMillis(1500))).isNull();
        assertThat(count(DeliveryMetrics.HELD, "subscription", "ops")).isEqualTo(4);
        assertThat(count(DeliveryMetrics.GROUPS, "subscription", "ops")).isEqualTo(1);
        assertThat(count(DeliveryMetrics.DELIVERIES, "subscription", "ops", "outcome", "delivered")).isEqualTo(2);
    }

    @Test
    void a_failing_group_is_retried_under_one_webhook_id_and_the_commit_waits_for_it() throws Exception {
        receiver = new WebhookReceiver(0);
        List<AlertNotice> burst = burst();
        dispatcher(registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null)), Duration.ofSeconds(1));

        dispatcher.deliver(burst);
        boolean heldAfterBatch = dispatcher.holds(burst.get(4).id());
        boolean supersededHeld = dispatcher.holds(burst.get(1).id());
        receiver.nextAccepted(Duration.ofSeconds(10));
        receiver.failNext(2);
        WebhookReceiver.Received grouped = receiver.nextAccepted(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (dispatcher.holds(burst.get(4).id()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(heldAfterBatch).isTrue();
        assertThat(supersededHeld).isFalse();
        List<WebhookReceiver.Received> groupAttempts = receiver.received().subList(1, receiver.received().size());
        assertThat(groupAttempts).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 500, 204);
        assertThat(groupAttempts).extracting(WebhookReceiver.Received::id).containsOnly(grouped.id());
        groupAttempts.forEach(WebhookDispatcherTest::assertSigned);
        assertThat(dispatcher.holds(burst.get(4).id())).isFalse();
    }

    @Test
    void a_group_that_fails_every_attempt_dead_letters_each_notice_it_carried() throws Exception {
        receiver = new WebhookReceiver(0);
        List<AlertNotice> burst = burst();
        dispatcher(registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null)), Duration.ofSeconds(1));

        dispatcher.deliver(burst);
        receiver.nextAccepted(Duration.ofSeconds(10));
        receiver.failNext(3);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (dispatcher.holds(burst.get(4).id()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(deadLettered).containsExactly("ops " + burst.get(2).id(), "ops " + burst.get(3).id(), "ops " + burst.get(4).id());
        assertThat(log.deliveries("ops")).extracting(Delivery::outcome)
                .containsExactly(Outcome.DELIVERED, Outcome.FAILED, Outcome.FAILED, Outcome.DEAD_LETTERED);
    }

    @Test
    void a_silence_set_while_notices_are_held_keeps_them_out_of_the_group() throws Exception {
        receiver = new WebhookReceiver(0);
        List<AlertNotice> burst = burst();
        WebhookRegistry registry = registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null));
        dispatcher(registry, Duration.ofSeconds(1));

        dispatcher.deliver(burst);
        registry.addSilence(new SilenceEntry("border", List.of("IRN-PAK"), "deadly-border-incident",
                Instant.now().plus(Duration.ofHours(1)), "known", "test"));
        receiver.nextAccepted(Duration.ofSeconds(10));
        WebhookReceiver.Received grouped = receiver.nextAccepted(Duration.ofSeconds(10));

        assertThat(Json.read(grouped.body(), NoticeGroup.class).data().notices()).containsExactly(burst.get(2), burst.get(4));
        assertThat(log.deliveries("ops")).filteredOn(d -> d.outcome() == Outcome.SILENCED)
                .extracting(Delivery::webhookId).containsExactly(burst.get(3).id());
    }

    @Test
    void a_single_held_notice_goes_out_as_itself_when_due() throws Exception {
        receiver = new WebhookReceiver(0);
        dispatcher(registryWith(new Subscription("ops", receiver.url(), SECRET, null, null, null)), Duration.ofSeconds(1));

        dispatcher.deliver(List.of(Notices.firing(1), Notices.firing(2)));
        receiver.nextAccepted(Duration.ofSeconds(10));
        WebhookReceiver.Received later = receiver.nextAccepted(Duration.ofSeconds(10));

        assertThat(later.id()).isEqualTo(Notices.firing(2).id());
        assertThat(Json.read(later.body(), AlertNotice.class)).isEqualTo(Notices.firing(2));
    }
}
