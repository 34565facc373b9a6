package org.flashpoint.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flashpoint.alerts.rules.DyadMatcher;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Alert.State;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;
import org.junit.jupiter.api.Test;

/** Silences and grouping: what delivery does with notices, with its clock passed in. */
class DeliveryPolicyTest {

    private static final Instant NOW = at("2024-01-17T10:00:00Z");
    private static final Dyad GRC_TUR = Dyad.of("GRC", "TUR");

    private static AlertNotice notice(String rule, Dyad dyad, State state, int sequence) {
        return AlertNotice.of(new Alert(Lifecycle.alertId(rule, dyad, at("2024-01-17")), rule, dyad, Severity.WARNING,
                state, sequence, "s", null, null, at("2024-01-17"), at("2024-01-17"), null));
    }

    @Test
    void a_silence_mutes_matching_notices_until_it_ends_and_nothing_else() {
        Silence silence = new Silence("s1", new DyadMatcher(List.of("IRN-*")), "tension-week", NOW.plus(Duration.ofHours(1)), "known");

        assertThat(silence.mutes(notice("tension-week", IRN_PAK, State.FIRING, 1), NOW)).isTrue();
        assertThat(silence.mutes(notice("tension-week", IRN_PAK, State.FIRING, 1), NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(silence.mutes(notice("tension-spike", IRN_PAK, State.FIRING, 1), NOW)).isFalse();
        assertThat(silence.mutes(notice("tension-week", GRC_TUR, State.FIRING, 1), NOW)).isFalse();
    }

    @Test
    void a_silence_without_a_rule_covers_every_rule_of_its_dyads() {
        Silence silence = new Silence("s2", new DyadMatcher(List.of("GRC-TUR")), null, NOW.plus(Duration.ofDays(1)), null);

        assertThat(Silence.anyMutes(List.of(silence), notice("tension-spike", GRC_TUR, State.RESOLVED, 2), NOW)).isTrue();
        assertThat(Silence.anyMutes(List.of(silence), notice("tension-spike", IRN_PAK, State.RESOLVED, 2), NOW)).isFalse();
    }

    @Test
    void a_burst_on_one_dyad_becomes_one_delivery_at_once_and_one_group_when_the_interval_ends() {
        NoticeGrouper grouper = new NoticeGrouper(Duration.ofMinutes(5));

        List<AlertNotice> first = grouper.offer(notice("tension-week", IRN_PAK, State.FIRING, 1), NOW);
        List<AlertNotice> second = grouper.offer(notice("tension-week", IRN_PAK, State.UPGRADED, 2), NOW.plusSeconds(10));
        List<AlertNotice> third = grouper.offer(notice("deadly-border-incident", IRN_PAK, State.FIRING, 1), NOW.plusSeconds(20));
        List<AlertNotice> otherDyad = grouper.offer(notice("tension-week", GRC_TUR, State.FIRING, 1), NOW.plusSeconds(30));
        List<List<AlertNotice>> early = grouper.due(NOW.plusSeconds(299));
        List<List<AlertNotice>> due = grouper.due(NOW.plusSeconds(300));

        assertThat(first).extracting(AlertNotice::id).containsExactly("tension-week.IRN-PAK.20240117T000000Z/1");
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(otherDyad).extracting(AlertNotice::id).containsExactly("tension-week.GRC-TUR.20240117T000000Z/1");
        assertThat(early).isEmpty();
        assertThat(due).hasSize(1);
        assertThat(due.get(0)).extracting(AlertNotice::id).containsExactly(
                "tension-week.IRN-PAK.20240117T000000Z/2", "deadly-border-incident.IRN-PAK.20240117T000000Z/1");
        assertThat(grouper.due(NOW.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void only_the_newest_notice_of_an_alert_is_kept_while_held() {
        NoticeGrouper grouper = new NoticeGrouper(Duration.ofMinutes(5));
        grouper.offer(notice("tension-week", IRN_PAK, State.FIRING, 1), NOW);
        grouper.offer(notice("tension-week", IRN_PAK, State.UPGRADED, 2), NOW.plusSeconds(1));
        grouper.offer(notice("tension-week", IRN_PAK, State.RESOLVED, 3), NOW.plusSeconds(2));

        assertThat(grouper.due(NOW.plusSeconds(300))).singleElement().satisfies(group ->
                assertThat(group).extracting(AlertNotice::id).containsExactly("tension-week.IRN-PAK.20240117T000000Z/3"));
    }
}
