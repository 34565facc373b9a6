package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Webhook delivery against a real local HTTP receiver: signatures, retries, dead letters, filters, silences. */
class WebhookDispatcherTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(40));

    private final List<String> deadLettered = new ArrayList<>();
    private final DeliveryLog log = new DeliveryLog(50);
    private WebhookReceiver receiver;
    private WebhookDispatcher dispatcher;

    private WebhookDispatcher dispatcher(WebhookRegistry registry) {
        dispatcher = new WebhookDispatcher(registry, log, (subscription, notice) -> deadLettered.add(subscription + " " + notice.id()),
                FAST, Duration.ofSeconds(10), Clock.systemUTC());
        return dispatcher;
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
    }
}
