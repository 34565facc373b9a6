package org.flashpoint.streams.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.streams.Fixtures.IRN_PAK;
import static org.flashpoint.streams.Fixtures.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTest {

    private static final Duration DAY = Duration.ofDays(1);
    private final InMemoryIndicatorStore store = new InMemoryIndicatorStore();
    /** Day windows with a day of grace. */
    private final IndicatorCalculator daily = new IndicatorCalculator(
            IndicatorSettings.DEFAULTS.withWindows(List.of(WindowSpec.tumbling(DAY))).withGrace(DAY));

    /** An incident that happened on 17 January. */
    private static Incident incident(String id, String kind, double weight, Integer killed, boolean border, int independent) {
        return incidentOn("2024-01-17", id, kind, weight, killed, border, independent);
    }

    private static Incident incidentOn(String date, String id, String kind, double weight, Integer killed, boolean border, int independent) {
        return incidentOn(date, id, kind, weight, killed, border, independent, 1);
    }

    private static Incident incidentOn(String date, String id, String kind, double weight, Integer killed, boolean border,
                                       int independent, int reports) {
        return new Incident(id, IRN_PAK, kind, weight < 0 ? Direction.ESCALATION : Direction.DE_ESCALATION, border,
                List.of(), LocalDate.parse(date), at("2024-01-17T00:00:00Z"), at("2024-01-17T00:00:00Z"),
                List.of(), reports, List.of(), independent, killed, weight, List.of());
    }

    private IndicatorCalculator.Update feed(IndicatorCalculator calculator, String article, String time, Incident... incidents) {
        return calculator.update(store, new DyadActivity(IRN_PAK, article, at(time), List.of(incidents)));
    }

    @Test
    void aDaysWindowSumsItsDistinctIncidentsAtTheirLatestState() {
        feed(daily, "a1", "2024-01-17T06:00:00Z", incident("s1", "assault", -9, 2, true, 1));
        DyadIndicator last = feed(daily, "a2", "2024-01-17T09:00:00Z",
                incident("s1", "assault", -9, 2, true, 2), incident("v1", "visit", 4, null, false, 1)).indicators().get(0);

        assertThat(last.windowStart()).isEqualTo(at("2024-01-17T00:00:00Z"));
        assertThat(last.windowEnd()).isEqualTo(at("2024-01-18T00:00:00Z"));
        assertThat(last.escalation()).isEqualTo(Math.round(9 * (1 + Math.log(2)) * 10_000) / 10_000.0);
        assertThat(last.deEscalation()).isEqualTo(4.0);
        assertThat(last.tension()).isEqualTo(Math.round((9 * (1 + Math.log(2)) - 4) * 10_000) / 10_000.0);
        assertThat(last.articles()).isEqualTo(2);
        assertThat(last.incidents()).isEqualTo(2);
        assertThat(last.borderIncidents()).isEqualTo(1);
        assertThat(last.visits()).isEqualTo(1);
        assertThat(last.killed()).isEqualTo(2);
        assertThat(last.independentSources()).isEqualTo(3);
        assertThat(last.topIncidents()).containsExactly("s1", "v1");
        assertThat(last.zScore()).isZero();
    }

    @Test
    void aSevenDayWindowEveryDayGivesSevenUpdatesPerArticle() {
        IndicatorCalculator weekly = new IndicatorCalculator(
                IndicatorSettings.DEFAULTS.withWindows(List.of(new WindowSpec(Duration.ofDays(7), DAY))));
        List<DyadIndicator> out = feed(weekly, "a1", "2024-01-17T06:00:00Z", incident("s1", "assault", -9, 2, true, 1)).indicators();
        assertThat(out).extracting(DyadIndicator::windowStart)
                .containsExactly(at("2024-01-11T00:00:00Z"), at("2024-01-12T00:00:00Z"), at("2024-01-13T00:00:00Z"),
                        at("2024-01-14T00:00:00Z"), at("2024-01-15T00:00:00Z"), at("2024-01-16T00:00:00Z"), at("2024-01-17T00:00:00Z"));
    }

    @Test
    void sevenDayWindowsAreSumsOfDayBucketsWrittenOncePerArticle() {
        IndicatorCalculator weekly = new IndicatorCalculator(
                IndicatorSettings.DEFAULTS.withWindows(List.of(new WindowSpec(Duration.ofDays(7), DAY))));
        feed(weekly, "a1", "2024-01-15T06:00:00Z", incidentOn("2024-01-15", "s1", "assault", -9, 2, true, 1));
        List<DyadIndicator> out = feed(weekly, "a2", "2024-01-17T06:00:00Z", incident("s2", "assault", -4, null, true, 1)).indicators();

        assertThat(store.buckets(IRN_PAK, DAY)).containsOnlyKeys(at("2024-01-15T00:00:00Z"), at("2024-01-17T00:00:00Z"));
        // Windows starting 11..15 January hold both days, 16 and 17 January only the second.
        assertThat(out).extracting(DyadIndicator::tension).containsExactly(13.0, 13.0, 13.0, 13.0, 13.0, 4.0, 4.0);
        assertThat(out.get(0).articles()).isEqualTo(2);
        assertThat(out.get(0).topIncidents()).containsExactly("s1", "s2");
    }

    @Test
    void anIncidentWhoseDateMovedCountsOnceInAWindowAtItsLaterState() {
        IndicatorCalculator weekly = new IndicatorCalculator(
                IndicatorSettings.DEFAULTS.withWindows(List.of(new WindowSpec(Duration.ofDays(7), DAY))));
        feed(weekly, "a1", "2024-01-17T06:00:00Z", incidentOn("2024-01-17", "s1", "assault", -4, null, true, 1, 1));
        // A later report dates the same incident a day earlier and makes it deadlier.
        List<DyadIndicator> out = feed(weekly, "a2", "2024-01-17T09:00:00Z",
                incidentOn("2024-01-16", "s1", "assault", -9, 3, true, 1, 2)).indicators();

        DyadIndicator bothDays = out.stream().filter(i -> i.windowStart().equals(at("2024-01-16T00:00:00Z"))).findFirst().orElseThrow();
        assertThat(bothDays.incidents()).isEqualTo(1);
        assertThat(bothDays.tension()).isEqualTo(9.0);
        assertThat(bothDays.killed()).isEqualTo(3);
    }

    @Test
    void theCurrentSevenDayValueIsTheLastSevenDaysNotTheWeekStartingToday() {
        IndicatorCalculator both = new IndicatorCalculator(IndicatorSettings.DEFAULTS);
        feed(both, "a1", "2024-01-15T06:00:00Z", incidentOn("2024-01-15", "s1", "assault", -9, 2, true, 1));
        feed(both, "a2", "2024-01-17T06:00:00Z");
        Map<String, DyadIndicator> current = store.dyad(IRN_PAK).latest();
        assertThat(current.get("PT24H").windowStart()).isEqualTo(at("2024-01-17T00:00:00Z"));
        assertThat(current.get("PT168H").windowStart()).isEqualTo(at("2024-01-11T00:00:00Z"));
        assertThat(current.get("PT168H").tension()).isEqualTo(9.0);
    }

    @Test
    void anIncidentCountsOnTheDayItHappenedAndTheArticleOnTheDayItWasPublished() {
        List<DyadIndicator> out = feed(daily, "a1", "2024-01-17T06:00:00Z",
                incidentOn("2024-01-16", "s1", "assault", -9, 2, true, 1)).indicators();
        assertThat(out).extracting(i -> i.windowStart() + " incidents=" + i.incidents() + " articles=" + i.articles())
                .containsExactly("2024-01-16T00:00:00Z incidents=1 articles=0", "2024-01-17T00:00:00Z incidents=0 articles=1");
    }

    @Test
    void aRecapOfAnOldIncidentCannotChangeItsClosedWindow() {
        feed(daily, "a1", "2024-01-16T06:00:00Z", incidentOn("2024-01-16", "s1", "assault", -9, 2, true, 1));
        IndicatorCalculator.Update recap = feed(daily, "a2", "2024-01-25T06:00:00Z",
                incidentOn("2024-01-16", "s1", "assault", -9, 2, true, 2));
        assertThat(recap.late()).isTrue();
        assertThat(recap.indicators()).extracting(i -> i.windowStart() + " tension=" + i.tension())
                .containsExactly("2024-01-25T00:00:00Z tension=0.0");
    }

    @Test
    void lateArticlesUpdateTheirWindowWithinGraceAndAreCountedLateBeyondIt() {
        feed(daily, "a1", "2024-01-17T06:00:00Z", incident("s1", "assault", -9, 2, true, 1));
        feed(daily, "a2", "2024-01-18T12:00:00Z");
        IndicatorCalculator.Update withinGrace = feed(daily, "a3", "2024-01-17T20:00:00Z");
        assertThat(withinGrace.late()).isFalse();
        assertThat(withinGrace.indicators()).singleElement().extracting(DyadIndicator::articles).isEqualTo(2);

        feed(daily, "a4", "2024-01-19T00:00:00Z");
        IndicatorCalculator.Update beyondGrace = feed(daily, "a5", "2024-01-17T21:00:00Z");
        assertThat(beyondGrace.late()).isTrue();
        assertThat(beyondGrace.indicators()).isEmpty();
    }

    @Test
    void theZScoreComparesTensionWithEarlierWindowsOfTheDyad() {
        feed(daily, "a1", "2024-01-10T06:00:00Z", incidentOn("2024-01-10", "t1", "consult", 2, null, false, 1));
        DyadIndicator spike = feed(daily, "a2", "2024-01-17T06:00:00Z", incident("s1", "assault", -9, 2, true, 1)).indicators().get(0);
        // 28 earlier days, one of them at -2: mean -2/28, deviation sqrt(4/28 - (2/28)^2) below the floor of 1.
        double mean = -2.0 / 28;
        assertThat(spike.baselineMean()).isEqualTo(Math.round(mean * 10_000) / 10_000.0);
        assertThat(spike.zScore()).isEqualTo(Math.round((9 - mean) * 10_000) / 10_000.0);
    }

    @Test
    void theSameActivityTwiceEmitsTheSameIndicatorAgain() {
        List<DyadIndicator> first = feed(daily, "a1", "2024-01-17T06:00:00Z", incident("s1", "assault", -9, 2, true, 1)).indicators();
        assertThat(feed(daily, "a1", "2024-01-17T06:00:00Z", incident("s1", "assault", -9, 2, true, 1)).indicators()).isEqualTo(first);
    }

    @Test
    void windowsOlderThanBaselineAndGraceAreForgotten() {
        feed(daily, "a1", "2024-01-01T06:00:00Z", incidentOn("2024-01-01", "s1", "assault", -9, 2, true, 1));
        feed(daily, "a2", "2024-03-01T06:00:00Z");
        assertThat(store.buckets(IRN_PAK, DAY)).containsOnlyKeys(at("2024-03-01T00:00:00Z"));
        assertThat(store.dyad(IRN_PAK).tensions().get("PT24H")).containsOnlyKeys(at("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(store.dyad(IRN_PAK).latest().get("PT24H").windowStart()).isEqualTo(at("2024-03-01T00:00:00Z"));
    }
}
