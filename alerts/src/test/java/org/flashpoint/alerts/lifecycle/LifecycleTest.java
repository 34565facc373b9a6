package org.flashpoint.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flashpoint.alerts.rules.DyadMatcher;
import org.flashpoint.alerts.rules.Indicator;
import org.flashpoint.alerts.rules.Rule;
import org.flashpoint.alerts.rules.ThresholdRule;
import org.flashpoint.alerts.rules.Verdict;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Alert.State;
import org.junit.jupiter.api.Test;

/** Every transition of the per-(rule, dyad) state machine, with verdicts and times given directly. */
class LifecycleTest {

    private static final Instant T0 = at("2024-01-17T00:00:00Z");

    private static final Verdict RAISE = verdict(true, false, false);
    private static final Verdict CRITICAL = verdict(true, true, false);
    private static final Verdict BETWEEN = verdict(false, false, false);
    private static final Verdict CLEAR = verdict(false, false, true);

    private static Verdict verdict(boolean raise, boolean critical, boolean clear) {
        return new Verdict(raise, critical, clear, "value", Map.of("tension", 1.0), List.of());
    }

    private static Rule rule(Duration forDuration, Duration quiet) {
        return new ThresholdRule(new Rule.Common("tension-week", "", DyadMatcher.ALL, Severity.WARNING, forDuration, quiet),
                Indicator.TENSION, Duration.ofDays(7), 10, 0, 30.0);
    }

    private static final Rule IMMEDIATE = rule(Duration.ZERO, Duration.ofDays(2));
    private static final Rule HELD = rule(Duration.ofHours(6), Duration.ofDays(2));

    private static AlertState firing(Rule rule) {
        return Lifecycle.step(null, rule, IRN_PAK, RAISE, T0).state();
    }

    @Test
    void an_inactive_rule_whose_condition_does_not_hold_stays_inactive_and_says_nothing() {
        Lifecycle.Step step = Lifecycle.step(null, IMMEDIATE, IRN_PAK, BETWEEN, T0);

        assertThat(step.state()).isNull();
        assertThat(step.notice()).isNull();
    }

    @Test
    void a_rule_without_for_fires_at_once_with_its_severity_a_stable_id_and_sequence_one() {
        Alert notice = Lifecycle.step(null, IMMEDIATE, IRN_PAK, RAISE, T0).notice();

        assertThat(notice.state()).isEqualTo(State.FIRING);
        assertThat(notice.severity()).isEqualTo(Severity.WARNING);
        assertThat(notice.alertId()).isEqualTo("tension-week.IRN-PAK.20240117T000000Z");
        assertThat(notice.sequence()).isEqualTo(1);
        assertThat(notice.startsAt()).isEqualTo(T0);
        assertThat(notice.updatedAt()).isEqualTo(T0);
        assertThat(notice.endsAt()).isNull();
        assertThat(notice.values()).containsEntry("tension", 1.0);
        assertThat(notice.summary()).isEqualTo("IRN-PAK tension-week: value");
    }

    @Test
    void an_alert_that_is_already_critical_when_it_fires_fires_critical_rather_than_upgrading() {
        Alert notice = Lifecycle.step(null, IMMEDIATE, IRN_PAK, CRITICAL, T0).notice();

        assertThat(notice.state()).isEqualTo(State.FIRING);
        assertThat(notice.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void a_rule_with_for_is_pending_first() {
        Alert notice = Lifecycle.step(null, HELD, IRN_PAK, RAISE, T0).notice();

        assertThat(notice.state()).isEqualTo(State.PENDING);
        assertThat(notice.sequence()).isEqualTo(1);
    }

    @Test
    void pending_stays_pending_silently_until_for_has_passed_then_fires_with_the_same_id() {
        AlertState pending = Lifecycle.step(null, HELD, IRN_PAK, RAISE, T0).state();

        Lifecycle.Step early = Lifecycle.step(pending, HELD, IRN_PAK, RAISE, T0.plus(Duration.ofHours(5)));
        Lifecycle.Step due = Lifecycle.step(early.state(), HELD, IRN_PAK, RAISE, T0.plus(Duration.ofHours(6)));

        assertThat(early.notice()).isNull();
        assertThat(early.state()).isEqualTo(pending);
        assertThat(due.notice().state()).isEqualTo(State.FIRING);
        assertThat(due.notice().alertId()).isEqualTo(pending.alert().alertId());
        assertThat(due.notice().sequence()).isEqualTo(2);
        assertThat(due.notice().startsAt()).isEqualTo(T0);
        assertThat(due.notice().updatedAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void pending_whose_condition_lapses_is_resolved_so_no_subscriber_is_left_with_a_dangling_pending_alert() {
        AlertState pending = Lifecycle.step(null, HELD, IRN_PAK, RAISE, T0).state();

        Lifecycle.Step step = Lifecycle.step(pending, HELD, IRN_PAK, BETWEEN, T0.plus(Duration.ofHours(1)));

        assertThat(step.state()).isNull();
        assertThat(step.notice().state()).isEqualTo(State.RESOLVED);
        assertThat(step.notice().endsAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(step.notice().sequence()).isEqualTo(2);
    }

    @Test
    void firing_becomes_upgraded_and_critical_when_the_critical_condition_holds() {
        Lifecycle.Step step = Lifecycle.step(firing(IMMEDIATE), IMMEDIATE, IRN_PAK, CRITICAL, T0.plus(Duration.ofDays(1)));

        assertThat(step.notice().state()).isEqualTo(State.UPGRADED);
        assertThat(step.notice().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(step.notice().sequence()).isEqualTo(2);
    }

    @Test
    void an_upgraded_alert_says_nothing_while_it_stays_critical() {
        AlertState upgraded = Lifecycle.step(firing(IMMEDIATE), IMMEDIATE, IRN_PAK, CRITICAL, T0.plus(Duration.ofDays(1))).state();

        Lifecycle.Step step = Lifecycle.step(upgraded, IMMEDIATE, IRN_PAK, CRITICAL, T0.plus(Duration.ofDays(2)));

        assertThat(step.notice()).isNull();
        assertThat(step.state()).isEqualTo(upgraded);
    }

    @Test
    void a_value_between_the_resolve_and_raise_thresholds_keeps_a_firing_alert_open() {
        AlertState firing = firing(IMMEDIATE);

        Lifecycle.Step step = Lifecycle.step(firing, IMMEDIATE, IRN_PAK, BETWEEN, T0.plus(Duration.ofDays(30)));

        assertThat(step.notice()).isNull();
        assertThat(step.state()).isEqualTo(firing);
    }

    @Test
    void firing_resolves_only_once_the_clear_condition_has_held_for_the_quiet_period() {
        AlertState firing = firing(IMMEDIATE);

        Lifecycle.Step cleared = Lifecycle.step(firing, IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-20T00:00:00Z"));
        Lifecycle.Step holding = Lifecycle.step(cleared.state(), IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-21T23:00:00Z"));
        Lifecycle.Step resolved = Lifecycle.step(holding.state(), IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-22T00:00:00Z"));

        assertThat(cleared.notice()).isNull();
        assertThat(cleared.state().clearSince()).isEqualTo(at("2024-01-20T00:00:00Z"));
        assertThat(holding.notice()).isNull();
        assertThat(resolved.state()).isNull();
        assertThat(resolved.notice().state()).isEqualTo(State.RESOLVED);
        assertThat(resolved.notice().endsAt()).isEqualTo(at("2024-01-22T00:00:00Z"));
        assertThat(resolved.notice().updatedAt()).isEqualTo(at("2024-01-22T00:00:00Z"));
        assertThat(resolved.notice().startsAt()).isEqualTo(T0);
        assertThat(resolved.notice().sequence()).isEqualTo(2);
    }

    @Test
    void a_relapse_during_the_quiet_period_restarts_it() {
        AlertState cleared = Lifecycle.step(firing(IMMEDIATE), IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-20T00:00:00Z")).state();

        AlertState relapsed = Lifecycle.step(cleared, IMMEDIATE, IRN_PAK, BETWEEN, at("2024-01-21T00:00:00Z")).state();
        Lifecycle.Step again = Lifecycle.step(relapsed, IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-22T00:00:00Z"));

        assertThat(relapsed.clearSince()).isNull();
        assertThat(again.notice()).isNull();
        assertThat(again.state().clearSince()).isEqualTo(at("2024-01-22T00:00:00Z"));
    }

    @Test
    void an_upgraded_alert_resolves_like_a_firing_one_and_keeps_its_severity() {
        AlertState upgraded = Lifecycle.step(firing(IMMEDIATE), IMMEDIATE, IRN_PAK, CRITICAL, at("2024-01-18T00:00:00Z")).state();
        AlertState cleared = Lifecycle.step(upgraded, IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-20T00:00:00Z")).state();

        Alert resolved = Lifecycle.step(cleared, IMMEDIATE, IRN_PAK, CLEAR, at("2024-01-22T00:00:00Z")).notice();

        assertThat(resolved.state()).isEqualTo(State.RESOLVED);
        assertThat(resolved.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(resolved.sequence()).isEqualTo(3);
    }

    @Test
    void after_resolution_a_new_episode_gets_a_new_id_and_starts_again_at_sequence_one() {
        Rule noQuiet = rule(Duration.ZERO, Duration.ZERO);
        AlertState firing = Lifecycle.step(null, noQuiet, IRN_PAK, RAISE, T0).state();
        Lifecycle.Step resolved = Lifecycle.step(firing, noQuiet, IRN_PAK, CLEAR, T0.plus(Duration.ofDays(1)));

        Alert next = Lifecycle.step(resolved.state(), noQuiet, IRN_PAK, RAISE, T0.plus(Duration.ofDays(2))).notice();

        assertThat(resolved.notice().state()).isEqualTo(State.RESOLVED);
        assertThat(next.alertId()).isEqualTo("tension-week.IRN-PAK.20240119T000000Z").isNotEqualTo(firing.alert().alertId());
        assertThat(next.sequence()).isEqualTo(1);
    }
}
