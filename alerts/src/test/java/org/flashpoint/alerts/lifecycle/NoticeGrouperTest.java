package org.flashpoint.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;

import java.time.Duration;
import java.time.Instant;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Alert.State;
import org.flashpoint.contracts.AlertNotice;
import org.junit.jupiter.api.Test;

/** What {@link NoticeGrouper} holds, when it lets go, and in which order; DeliveryPolicyTest has the basic burst. */
class NoticeGrouperTest {

    private static final Instant NOW = at("2024-01-17T10:00:00Z");

    private static AlertNotice notice(String rule, State state, int sequence) {
        return AlertNotice.of(new Alert(Lifecycle.alertId(rule, IRN_PAK, at("2024-01-17")), rule, IRN_PAK, Severity.WARNING,
                state, sequence, "s", null, null, at("2024-01-17"), at("2024-01-17"), null));
    }

    @Test
    void a_notice_after_the_interval_takes_the_notices_still_held_along_oldest_first_so_nothing_older_comes_later() {
        NoticeGrouper grouper = new NoticeGrouper(Duration.ofMinutes(1));
        grouper.offer(notice("tension-week", State.FIRING, 1), NOW);
        grouper.offer(notice("tension-week", State.UPGRADED, 2), NOW.plusSeconds(10));
        grouper.offer(notice("tension-spike", State.FIRING, 1), NOW.plusSeconds(20));

        // No tick came between the end of the interval and the next notice.
        var now = grouper.offer(notice("tension-week", State.RESOLVED, 3), NOW.plusSeconds(61));

        assertThat(now).extracting(AlertNotice::id).containsExactly(
                "tension-spike.IRN-PAK.20240117T000000Z/1", "tension-week.IRN-PAK.20240117T000000Z/3");
        assertThat(grouper.heldIds()).isEmpty();
        assertThat(grouper.due(NOW.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void the_held_ids_are_the_newest_notice_of_each_alert_and_a_superseded_one_is_no_longer_held() {
        NoticeGrouper grouper = new NoticeGrouper(Duration.ofMinutes(1));
        grouper.offer(notice("tension-week", State.FIRING, 1), NOW);
        grouper.offer(notice("tension-week", State.UPGRADED, 2), NOW.plusSeconds(1));
        grouper.offer(notice("tension-spike", State.FIRING, 1), NOW.plusSeconds(2));
        grouper.offer(notice("tension-week", State.RESOLVED, 3), NOW.plusSeconds(3));

        assertThat(grouper.heldIds()).containsExactlyInAnyOrder(
                "tension-week.IRN-PAK.20240117T000000Z/3", "tension-spike.IRN-PAK.20240117T000000Z/1");
        assertThat(grouper.due(NOW.plusSeconds(60))).singleElement().satisfies(group -> assertThat(group)
                .extracting(AlertNotice::id)
                .containsExactly("tension-spike.IRN-PAK.20240117T000000Z/1", "tension-week.IRN-PAK.20240117T000000Z/3"));
        assertThat(grouper.heldIds()).isEmpty();
    }

    @Test
    void a_group_sent_when_due_starts_a_new_interval() {
        NoticeGrouper grouper = new NoticeGrouper(Duration.ofMinutes(1));
        grouper.offer(notice("tension-week", State.FIRING, 1), NOW);
        grouper.offer(notice("tension-week", State.UPGRADED, 2), NOW.plusSeconds(1));
        grouper.due(NOW.plusSeconds(60));

        assertThat(grouper.offer(notice("tension-week", State.RESOLVED, 3), NOW.plusSeconds(90))).isEmpty();
        assertThat(grouper.due(NOW.plusSeconds(119))).isEmpty();
        assertThat(grouper.due(NOW.plusSeconds(120))).hasSize(1);
    }

    @Test
    void a_zero_interval_holds_nothing() {
        NoticeGrouper grouper = new NoticeGrouper(Duration.ZERO);

        for (int i = 1; i <= 3; i++) {
            assertThat(grouper.offer(notice("tension-week", State.FIRING, i), NOW)).hasSize(1);
        }
        assertThat(grouper.heldIds()).isEmpty();
    }

    @Test
    void a_negative_interval_is_refused() {
        assertThatThrownBy(() -> new NoticeGrouper(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    }
}
