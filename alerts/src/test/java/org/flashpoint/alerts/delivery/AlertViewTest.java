package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;
import org.junit.jupiter.api.Test;

/** The in-memory view behind the REST API and SSE: latest per alert, replay after Last-Event-ID, no duplicates. */
class AlertViewTest {

    private static final Dyad GRC_TUR = Dyad.of("GRC", "TUR");

    @Test
    void a_client_resuming_after_an_event_id_gets_exactly_the_notices_after_it_then_the_live_ones() {
        AlertView view = new AlertView(100);
        view.accept(Notices.firing(1));
        view.accept(Notices.firing(2));
        view.accept(Notices.firing(3));
        List<String> got = new ArrayList<>();

        Runnable stop = view.subscribe(Notices.firing(1).id(), n -> got.add(n.id()));
        view.accept(Notices.firing(4));
        stop.run();
        view.accept(Notices.firing(5));

        assertThat(got).containsExactly(Notices.firing(2).id(), Notices.firing(3).id(), Notices.firing(4).id());
    }

    @Test
    void a_first_connect_or_an_unknown_event_id_replays_every_kept_notice() {
        AlertView view = new AlertView(100);
        view.accept(Notices.firing(1));
        view.accept(Notices.firing(2));

        assertThat(view.replayAfter(null)).extracting(AlertNotice::id).containsExactly(Notices.firing(1).id(), Notices.firing(2).id());
        assertThat(view.replayAfter("no-such-notice/9")).hasSize(2);
        assertThat(view.replayAfter(Notices.firing(2).id())).isEmpty();
    }

    @Test
    void only_the_newest_notices_are_kept_for_replay_but_every_alert_keeps_its_latest_state() {
        AlertView view = new AlertView(2);
        AlertNotice other = Notices.notice(GRC_TUR, Alert.State.FIRING, Alert.Severity.WARNING, 1, 0);
        view.accept(other);
        view.accept(Notices.firing(1));
        view.accept(Notices.firing(2));

        assertThat(view.replayAfter(null)).extracting(AlertNotice::id).containsExactly(Notices.firing(1).id(), Notices.firing(2).id());
        assertThat(view.alert(other.data().alertId())).contains(other);
        assertThat(view.noticeCount()).isEqualTo(3);
    }

    @Test
    void a_redelivered_notice_is_ignored_and_not_pushed_again() {
        AlertView view = new AlertView(10);
        List<String> got = new ArrayList<>();
        view.subscribe(null, n -> got.add(n.id()));

        assertThat(view.accept(Notices.firing(1))).isTrue();
        assertThat(view.accept(Notices.firing(1))).isFalse();

        assertThat(got).containsExactly(Notices.firing(1).id());
    }

    @Test
    void the_listing_holds_the_latest_notice_per_alert_filtered_by_state_and_dyad_newest_change_first() {
        AlertView view = new AlertView(10);
        AlertNotice pakResolved = Notices.notice(Notices.IRN_PAK, Alert.State.RESOLVED, Alert.Severity.WARNING, 3, 30);
        AlertNotice turkey = Notices.notice(GRC_TUR, Alert.State.FIRING, Alert.Severity.CRITICAL, 1, 5);
        view.accept(Notices.firing(1));
        view.accept(pakResolved);
        view.accept(Notices.firing(2)); // arrives late: an older change does not replace the newer one
        view.accept(turkey);

        assertThat(view.alerts(null, null)).containsExactly(pakResolved, turkey);
        assertThat(view.alerts(Alert.State.FIRING, null)).containsExactly(turkey);
        assertThat(view.alerts(null, Notices.IRN_PAK)).containsExactly(pakResolved);
        assertThat(view.alert("tension-week.IRN-PAK.20240117T000000Z")).contains(pakResolved);
        assertThat(view.alert("nothing")).isEmpty();
    }
}
