package org.flashpoint.alerts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flashpoint.alerts.delivery.Notices;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

    private static final Dyad GRC_TUR = Dyad.of("GRC", "TUR");
    private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");

    private static DyadIndicator indicator(Dyad dyad, Duration window, int day, double tension) {
        Instant start = JAN_1.plus(Duration.ofDays(day));
        return new DyadIndicator(dyad, window, start, start.plus(window), tension, 0, tension, 1, 1, 0, 0, 0, 1, 0, 0, 0, List.of());
    }

    private static Incident incident(String id, Dyad dyad, String date, String... articles) {
        Instant seen = LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return new Incident(id, dyad, "consult", Direction.DE_ESCALATION, false, List.of(), LocalDate.parse(date), seen,
                seen, List.of(articles), articles.length, List.of("Example Wire"), 1, null, 1.0, List.of());
    }

    @Test
    void an_updated_window_replaces_its_point_and_each_window_length_is_its_own_line() {
        DashboardView view = new DashboardView();
        view.accept(indicator(Notices.IRN_PAK, Duration.ofDays(1), 0, 1));
        view.accept(indicator(Notices.IRN_PAK, Duration.ofDays(1), 1, 2));
        view.accept(indicator(Notices.IRN_PAK, Duration.ofDays(1), 1, 5));
        view.accept(indicator(Notices.IRN_PAK, Duration.ofDays(7), 0, 8));

        DashboardView.Snapshot snapshot = view.snapshot(Notices.IRN_PAK, 10);

        assertThat(snapshot.timeline()).containsOnlyKeys("P1D", "P7D");
        assertThat(snapshot.timeline().get("P1D")).extracting(DashboardView.Point::tension).containsExactly(1.0, 5.0);
        assertThat(snapshot.timeline().get("P7D")).extracting(DashboardView.Point::at).containsExactly(JAN_1.plus(Duration.ofDays(7)));
        assertThat(snapshot.progress().indicatorUpdates()).isEqualTo(4);
    }

    @Test
    void a_line_stops_at_the_first_window_ending_after_the_newest_report() {
        DashboardView view = new DashboardView();
        view.accept(incident("p1", Notices.IRN_PAK, "2024-01-03", "a1"));
        for (int day = 0; day < 6; day++) {
            view.accept(indicator(Notices.IRN_PAK, Duration.ofDays(2), day, day));
        }

        // Windows end 3 … 8 January; the newest report is of 3 January 00:00, in the window ending 4 January.
        assertThat(view.snapshot(Notices.IRN_PAK, 10).timeline().get("P2D")).extracting(DashboardView.Point::at)
                .containsExactly(Instant.parse("2024-01-03T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z"));
    }

    @Test
    void without_a_choice_the_dyad_with_most_incidents_is_shown_with_its_incidents_newest_first() {
        DashboardView view = new DashboardView();
        view.accept(incident("t1", GRC_TUR, "2024-02-01", "a1"));
        view.accept(incident("p1", Notices.IRN_PAK, "2024-01-16", "a2", "a3"));
        view.accept(incident("p2", Notices.IRN_PAK, "2024-01-29", "a3", "a4"));
        view.accept(incident("p1", Notices.IRN_PAK, "2024-01-16", "a2", "a3", "a5"));

        DashboardView.Snapshot snapshot = view.snapshot(null, 10);

        assertThat(snapshot.dyads()).containsExactly("IRN-PAK", "GRC-TUR");
        assertThat(snapshot.dyad()).isEqualTo("IRN-PAK");
        assertThat(snapshot.incidents()).extracting(Incident::id).containsExactly("p2", "p1");
        assertThat(snapshot.progress().articles()).isEqualTo(5);
        assertThat(snapshot.progress().incidents()).isEqualTo(3);
        assertThat(snapshot.progress().latestEventTime()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(view.snapshot(GRC_TUR, 10).incidents()).extracting(Incident::id).containsExactly("t1");
        assertThat(view.snapshot(null, 1).incidents()).hasSize(1);
    }

    @Test
    void before_any_data_the_snapshot_is_empty() {
        DashboardView.Snapshot snapshot = new DashboardView().snapshot(null, 10);

        assertThat(snapshot.dyad()).isNull();
        assertThat(snapshot.dyads()).isEmpty();
        assertThat(snapshot.timeline()).isEmpty();
        assertThat(snapshot.progress().latestEventTime()).isNull();
    }
}
