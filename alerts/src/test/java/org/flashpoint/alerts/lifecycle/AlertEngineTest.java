package org.flashpoint.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.WEEK;
import static org.flashpoint.alerts.Fixtures.at;
import static org.flashpoint.alerts.Fixtures.day;
import static org.flashpoint.alerts.Fixtures.incident;
import static org.flashpoint.alerts.Fixtures.onIncident;
import static org.flashpoint.alerts.Fixtures.onIndicator;
import static org.flashpoint.alerts.Fixtures.week;
import static org.flashpoint.alerts.Fixtures.weeks;

import java.util.List;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Alert.State;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.junit.jupiter.api.Test;

/** The default rules driven through the engine with hand-made indicators and incidents, in event time. */
class AlertEngineTest {

    private final AlertEngine engine = new AlertEngine(RuleSet.loadDefault());
    private final InMemoryAlertStore store = new InMemoryAlertStore();

    private static String line(Alert a) {
        return a.updatedAt() + " " + a.rule() + " " + a.state() + " " + a.severity().name().toLowerCase();
    }

    private List<Alert> feed(List<org.flashpoint.contracts.DyadIndicator> windows, java.time.Instant time) {
        return windows.stream().flatMap(w -> onIndicator(engine, store, w, time).stream()).toList();
    }

    @Test
    void a_week_of_hostility_fires_upgrades_and_resolves_once_cooperation_has_held_for_the_quiet_period() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16.IRN", at("2024-01-17"), false, 2, 1);
        onIncident(engine, store, strike, at("2024-01-17"));
        List<Alert> fired = onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0, strike.id()), at("2024-01-17"));
        List<Alert> upgraded = onIndicator(engine, store, week(IRN_PAK, at("2024-01-18"), 35, 0), at("2024-01-18"));
        // Cooperation outweighs hostility from the 22nd: clear from then, the quiet period of two days ends on the 24th.
        List<Alert> between = feed(weeks(IRN_PAK, at("2024-01-20"), 35, 30), at("2024-01-20"));
        List<Alert> cleared = feed(weeks(IRN_PAK, at("2024-01-22"), 35, 40), at("2024-01-22"));
        List<Alert> later = feed(weeks(IRN_PAK, at("2024-01-29"), 0, 20), at("2024-01-29"));

        assertThat(fired).extracting(AlertEngineTest::line).containsExactly("2024-01-17T00:00:00Z tension-week FIRING warning");
        assertThat(fired.get(0).incidents()).extracting(Incident::id).containsExactly(strike.id());
        assertThat(fired.get(0).values()).containsEntry("tension", 17.0);
        assertThat(upgraded).extracting(AlertEngineTest::line).containsExactly("2024-01-18T00:00:00Z tension-week UPGRADED critical");
        assertThat(between).isEmpty();
        assertThat(cleared).isEmpty();
        assertThat(later).extracting(AlertEngineTest::line).containsExactly("2024-01-24T00:00:00Z tension-week RESOLVED critical");
        assertThat(later.get(0).alertId()).isEqualTo("tension-week.IRN-PAK.20240117T000000Z");
        assertThat(store.state("tension-week", IRN_PAK)).isNull();
    }

    @Test
    void when_the_hostile_days_slide_out_of_the_window_the_alert_resolves_on_the_grid_at_the_end_of_the_quiet_period() {
        feed(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));

        // The last window holding the 17th ends on the 24th; from then the trailing week is empty, and two days later
        // the quiet period has passed: resolved on the 26th, seen when the next article arrives.
        List<Alert> next = feed(weeks(IRN_PAK, at("2024-03-01"), 0, 1), at("2024-03-01"));

        assertThat(next).extracting(AlertEngineTest::line).containsExactly("2024-01-26T00:00:00Z tension-week RESOLVED warning");
    }

    @Test
    void a_value_between_the_thresholds_keeps_the_alert_firing() {
        feed(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));

        List<Alert> between = feed(weeks(IRN_PAK, at("2024-01-18"), 17, 12), at("2024-01-18"));
        List<Alert> advanced = engine.advance(store, IRN_PAK, at("2024-01-22T23:00:00Z"));

        assertThat(between).isEmpty();
        assertThat(advanced).isEmpty();
        assertThat(store.state("tension-week", IRN_PAK).alert().state()).isEqualTo(State.FIRING);
    }

    @Test
    void a_quiet_dyad_resolves_when_the_clock_is_advanced_and_not_before() {
        onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));
        onIndicator(engine, store, week(IRN_PAK, at("2024-01-18"), 17, 20), at("2024-01-18"));

        List<Alert> early = engine.advance(store, IRN_PAK, at("2024-01-19T23:00:00Z"));
        boolean openInBetween = engine.hasOpenAlerts(store, IRN_PAK);
        List<Alert> due = engine.advance(store, IRN_PAK, at("2024-01-21"));

        assertThat(early).isEmpty();
        assertThat(openInBetween).isTrue();
        assertThat(engine.hasOpenAlerts(store, IRN_PAK)).isFalse();
        assertThat(due).extracting(AlertEngineTest::line).containsExactly("2024-01-20T00:00:00Z tension-week RESOLVED warning");
    }

    @Test
    void a_border_incident_alerts_only_from_its_second_independent_source_and_is_critical_from_ten_deaths() {
        Incident oneSource = incident("IRN-PAK.assault.2024-01-27", at("2024-01-27"), true, 9, 1);
        Incident twoSources = new Incident(oneSource.id(), IRN_PAK, "assault", oneSource.direction(), true, List.of(),
                oneSource.eventDate(), oneSource.firstSeen(), at("2024-01-28"), List.of("a", "b"), 2, List.of("x", "y"), 2, 9,
                -10, oneSource.evidence());
        Incident worse = new Incident(oneSource.id(), IRN_PAK, "assault", oneSource.direction(), true, List.of(),
                oneSource.eventDate(), oneSource.firstSeen(), at("2024-01-28T12:00:00Z"), List.of("a", "b", "c"), 3,
                List.of("x", "y", "z"), 3, 11, -10, oneSource.evidence());

        List<Alert> first = onIncident(engine, store, oneSource, at("2024-01-27"));
        List<Alert> second = onIncident(engine, store, twoSources, at("2024-01-28"));
        List<Alert> third = onIncident(engine, store, worse, at("2024-01-28T12:00:00Z"));
        // Two days after its first report it is no longer news; one quiet day later the alert resolves.
        List<Alert> after = engine.advance(store, IRN_PAK, at("2024-02-05"));

        assertThat(first).isEmpty();
        assertThat(second).extracting(AlertEngineTest::line)
                .containsExactly("2024-01-28T00:00:00Z deadly-border-incident FIRING warning");
        assertThat(second.get(0).incidents().get(0).evidence().get(0).quote()).isEqualTo("Quote about " + oneSource.id() + ".");
        assertThat(second.get(0).values()).containsEntry("killed", 9.0).containsEntry("independent_sources", 2.0);
        assertThat(third).extracting(AlertEngineTest::line)
                .containsExactly("2024-01-28T12:00:00Z deadly-border-incident UPGRADED critical");
        assertThat(after).extracting(AlertEngineTest::line)
                .containsExactly("2024-01-30T00:00:00Z deadly-border-incident RESOLVED critical");
    }

    @Test
    void an_old_incident_recalled_as_background_does_not_raise_the_incident_rule_again() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16.IRN", at("2024-01-17"), true, 2, 2);
        Incident recalled = incident(strike.id(), at("2024-01-17"), at("2024-01-22"), true, 2, 3);
        onIncident(engine, store, strike, at("2024-01-17"));
        engine.advance(store, IRN_PAK, at("2024-01-21"));

        List<Alert> background = onIncident(engine, store, recalled, at("2024-01-22"));

        assertThat(background).isEmpty();
        assertThat(store.state("deadly-border-incident", IRN_PAK)).isNull();
    }

    @Test
    void an_indicator_that_overtakes_the_incident_it_names_waits_for_it_so_the_notice_quotes_the_evidence() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16.IRN", at("2024-01-17"), false, 2, 1);

        List<Alert> early = onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0, strike.id()), at("2024-01-17"));
        List<Alert> arrived = onIncident(engine, store, strike, at("2024-01-17"));

        assertThat(early).isEmpty();
        assertThat(arrived).extracting(AlertEngineTest::line).containsExactly("2024-01-17T00:00:00Z tension-week FIRING warning");
        assertThat(arrived.get(0).incidents()).extracting(Incident::id).containsExactly(strike.id());
    }

    @Test
    void a_hold_whose_incident_never_comes_is_released_by_the_next_record_at_the_held_time() {
        onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0, "never-published"), at("2024-01-17"));

        List<Alert> next = onIndicator(engine, store, week(IRN_PAK, at("2024-01-17T06:00:00Z"), 17, 0, "never-published"),
                at("2024-01-17T06:00:00Z"));

        assertThat(next).extracting(AlertEngineTest::line).containsExactly("2024-01-17T00:00:00Z tension-week FIRING warning");
        assertThat(next.get(0).incidents()).isEmpty();
    }

    @Test
    void a_hold_is_released_by_the_wall_clock_advance() {
        onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0, "never-published"), at("2024-01-17"));
        DyadHistory before = store.history(IRN_PAK);

        List<Alert> advanced = engine.advance(store, IRN_PAK, at("2024-01-17T00:30:00Z"));

        assertThat(engine.needsAdvancing(store, before)).isTrue();
        assertThat(advanced).extracting(AlertEngineTest::line).containsExactly("2024-01-17T00:00:00Z tension-week FIRING warning");
    }

    @Test
    void a_stale_version_of_a_window_arriving_after_a_newer_one_is_ignored() {
        DyadIndicator newer = withArticles(week(IRN_PAK, at("2024-01-17"), 17, 0), 2);
        DyadIndicator older = withArticles(week(IRN_PAK, at("2024-01-17"), 5, 0), 1);

        List<Alert> fired = onIndicator(engine, store, newer, at("2024-01-17"));
        onIndicator(engine, store, older, at("2024-01-17"));

        assertThat(fired).extracting(AlertEngineTest::line).containsExactly("2024-01-17T00:00:00Z tension-week FIRING warning");
        assertThat(store.history(IRN_PAK).indicator(WEEK, at("2024-01-17")).tension()).isEqualTo(17.0);
    }

    @Test
    void a_stale_version_of_an_incident_is_ignored() {
        Incident twoReports = new Incident("i", IRN_PAK, "assault", org.flashpoint.contracts.Direction.ESCALATION, true,
                List.of(), null, at("2024-01-17"), at("2024-01-18"), List.of("a", "b"), 2, List.of("x", "y"), 2, 9, -9, List.of());
        Incident oneReport = new Incident("i", IRN_PAK, "assault", org.flashpoint.contracts.Direction.ESCALATION, true,
                List.of(), null, at("2024-01-17"), at("2024-01-17"), List.of("a"), 1, List.of("x"), 1, 9, -9, List.of());

        onIncident(engine, store, twoReports, at("2024-01-18"));
        onIncident(engine, store, oneReport, at("2024-01-17"));

        assertThat(store.history(IRN_PAK).incident("i").independentSources()).isEqualTo(2);
    }

    private static DyadIndicator withArticles(DyadIndicator i, int articles) {
        return new DyadIndicator(i.dyad(), i.window(), i.windowStart(), i.windowEnd(), i.escalation(), i.deEscalation(),
                i.tension(), articles, i.incidents(), i.borderIncidents(), i.visits(), i.killed(), i.independentSources(),
                i.baselineMean(), i.baselineStdDev(), i.zScore(), i.topIncidents());
    }

    @Test
    void a_spike_must_persist_half_a_day_before_it_fires() {
        List<Alert> pending = onIndicator(engine, store, day(IRN_PAK, at("2024-01-17T02:00:00Z"), 9, 4), at("2024-01-17T02:00:00Z"));
        List<Alert> held = onIndicator(engine, store, day(IRN_PAK, at("2024-01-17T15:00:00Z"), 9, 4), at("2024-01-17T15:00:00Z"));

        assertThat(pending).extracting(AlertEngineTest::line).containsExactly("2024-01-17T02:00:00Z tension-spike PENDING warning");
        assertThat(held).extracting(AlertEngineTest::line).containsExactly("2024-01-17T14:00:00Z tension-spike FIRING warning");
    }

    @Test
    void a_high_z_score_on_a_trifle_is_not_a_spike() {
        assertThat(onIndicator(engine, store, day(IRN_PAK, at("2024-01-17"), 2, 8), at("2024-01-17"))).isEmpty();
    }

    @Test
    void dyads_are_independent() {
        Dyad other = Dyad.of("GRC", "TUR");
        onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));

        List<Alert> elsewhere = onIndicator(engine, store, week(other, at("2024-01-30"), 1, 0), at("2024-01-30"));

        assertThat(elsewhere).isEmpty();
        assertThat(store.state("tension-week", IRN_PAK)).isNotNull();
        assertThat(store.state("tension-week", other)).isNull();
    }

    @Test
    void a_late_record_is_evaluated_at_the_dyad_clock_never_in_the_past() {
        onIndicator(engine, store, week(IRN_PAK, at("2024-01-20"), 1, 0), at("2024-01-20"));

        List<Alert> late = onIndicator(engine, store, week(IRN_PAK, at("2024-01-20"), 17, 0), at("2024-01-19"));

        assertThat(late).extracting(Alert::updatedAt).containsExactly(at("2024-01-20"));
    }

    @Test
    void severity_of_a_fired_alert_comes_from_the_rule() {
        List<Alert> fired = onIndicator(engine, store, week(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));

        assertThat(fired.get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
