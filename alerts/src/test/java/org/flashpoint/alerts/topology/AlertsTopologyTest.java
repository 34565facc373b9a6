package org.flashpoint.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;
import static org.flashpoint.alerts.Fixtures.incident;
import static org.flashpoint.alerts.Fixtures.weeks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.alerts.lifecycle.AlertState;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.Alert.State;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The alerts topology in TopologyTestDriver: exact notices out, state in the named stores, nothing extra. */
class AlertsTopologyTest {

    private static final Instant WALL_CLOCK_START = at("2024-01-17T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, DyadUpdate> updates;
    private TestOutputTopic<String, AlertNotice> alerts;

    private void start(AlertsSettings settings) {
        Properties props = settings.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/alerts-topology-test");
        driver = new TopologyTestDriver(AlertsTopology.build(settings, RuleSet.loadDefault()), props, WALL_CLOCK_START);
        updates = driver.createInputTopic(Topics.DYAD_UPDATES.name(), new StringSerializer(),
                Topics.DYAD_UPDATES.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
    }

    private static AlertsSettings replay() {
        return AlertsSettings.live("unused:9092").withApplicationId("alerts-topology-test").withoutWallClock();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    /** An article that moved these indicator windows of one dyad and no incident. */
    private void pipe(List<DyadIndicator> windows, Instant time) {
        Dyad dyad = windows.get(0).dyad();
        updates.pipeInput(dyad.toString(), new DyadUpdate(dyad, "a-" + time, time, List.of(), windows), time);
    }

    /** An article that changed this incident and, in this test, no indicator window. */
    private void pipe(Incident incident, Instant time) {
        updates.pipeInput(incident.dyad().toString(), new DyadUpdate(incident.dyad(), "a-" + time, time, List.of(incident),
                List.of()), time);
    }

    private static String line(KeyValue<String, AlertNotice> record) {
        AlertNotice n = record.value;
        return record.key + " " + n.type() + " " + n.id() + " " + n.time() + " " + n.data().severity();
    }

    @Test
    void a_raise_an_upgrade_and_a_resolution_each_come_out_once_keyed_by_dyad_at_their_event_time() {
        start(replay());
        Incident strike = incident("IRN-PAK.assault.2024-01-16.IRN", at("2024-01-17"), true, 2, 1);
        pipe(strike, at("2024-01-17"));
        pipe(weeks(IRN_PAK, at("2024-01-17"), 17, 0, strike.id()), at("2024-01-17"));
        pipe(weeks(IRN_PAK, at("2024-01-18"), 35, 0), at("2024-01-18"));
        pipe(weeks(IRN_PAK, at("2024-01-22"), 35, 40), at("2024-01-22"));
        pipe(weeks(IRN_PAK, at("2024-01-29"), 0, 20), at("2024-01-29"));

        List<KeyValue<String, AlertNotice>> out = alerts.readKeyValuesToList();

        assertThat(out).extracting(AlertsTopologyTest::line).containsExactly(
                "IRN-PAK org.flashpoint.alert.firing tension-week.IRN-PAK.20240117T000000Z/1 2024-01-17T00:00:00Z WARNING",
                "IRN-PAK org.flashpoint.alert.upgraded tension-week.IRN-PAK.20240117T000000Z/2 2024-01-18T00:00:00Z CRITICAL",
                "IRN-PAK org.flashpoint.alert.resolved tension-week.IRN-PAK.20240117T000000Z/3 2024-01-24T00:00:00Z CRITICAL");
        AlertNotice fired = out.get(0).value;
        assertThat(fired.specversion()).isEqualTo("1.0");
        assertThat(fired.source()).isEqualTo("/flashpoint/alerts");
        assertThat(fired.subject()).isEqualTo("IRN-PAK");
        assertThat(fired.data().incidents()).extracting(Incident::id).containsExactly(strike.id());
        assertThat(fired.data().incidents().get(0).evidence().get(0).url()).isEqualTo("https://example.org/" + strike.id());
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void the_lifecycle_store_holds_the_open_episode_by_rule_and_dyad_and_forgets_it_on_resolution() {
        start(replay());
        pipe(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));
        KeyValueStore<String, AlertState> lifecycle = driver.getKeyValueStore(AlertsTopology.LIFECYCLE_STORE);

        AlertState open = lifecycle.get("tension-week|IRN-PAK");
        pipe(weeks(IRN_PAK, at("2024-03-01"), 0, 0), at("2024-03-01"));

        assertThat(open.alert().state()).isEqualTo(State.FIRING);
        assertThat(lifecycle.get("tension-week|IRN-PAK")).isNull();
        assertThat(driver.getKeyValueStore(AlertsTopology.HISTORY_STORE).get("IRN-PAK")).isNotNull();
    }

    @Test
    void articles_that_change_nothing_produce_no_notice() {
        start(replay());
        pipe(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));
        alerts.readKeyValuesToList();

        pipe(weeks(IRN_PAK, at("2024-01-17T05:00:00Z"), 18, 0), at("2024-01-17T05:00:00Z"));
        pipe(weeks(IRN_PAK, at("2024-01-17T09:00:00Z"), 19, 0), at("2024-01-17T09:00:00Z"));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void in_replay_the_wall_clock_changes_nothing() {
        start(replay());
        pipe(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));
        alerts.readKeyValuesToList();

        driver.advanceWallClockTime(Duration.ofDays(30));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void live_a_quiet_dyad_is_advanced_on_the_wall_clock_while_other_dyads_report_and_resolves_after_the_quiet_period() {
        start(replay().withWallClockInterval(Duration.ofMinutes(1)));
        pipe(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));
        alerts.readKeyValuesToList();

        // Ten days without any record at all: the pipeline may be stalled, so nothing resolves.
        driver.advanceWallClockTime(Duration.ofDays(10));
        boolean quietWhileStalled = alerts.isEmpty();
        // Another dyad reports: the input is live, and IRN-PAK, quiet since the 17th, resolves at the end of its quiet
        // period (the windows holding the 17th end on the 24th, plus two days).
        pipe(weeks(Dyad.of("GRC", "TUR"), at("2024-01-27"), 1, 0), at("2024-01-27"));
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        assertThat(quietWhileStalled).isTrue();
        assertThat(alerts.readKeyValuesToList()).extracting(AlertsTopologyTest::line).containsExactly(
                "IRN-PAK org.flashpoint.alert.resolved tension-week.IRN-PAK.20240117T000000Z/2 2024-01-26T00:00:00Z WARNING");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void an_incident_alert_comes_from_an_update_that_carries_only_the_incident() {
        start(replay());
        Incident killing = incident("IRN-PAK.assault.2024-01-27", at("2024-01-28"), true, 9, 2);

        pipe(killing, at("2024-01-28"));

        assertThat(alerts.readKeyValuesToList()).extracting(AlertsTopologyTest::line).containsExactly(
                "IRN-PAK org.flashpoint.alert.firing deadly-border-incident.IRN-PAK.20240128T000000Z/1 2024-01-28T00:00:00Z WARNING");
    }

    @Test
    void a_payload_that_is_not_a_dyad_update_is_skipped_and_the_next_one_is_evaluated() {
        start(replay());
        driver.createInputTopic(Topics.DYAD_UPDATES.name(), new StringSerializer(), new StringSerializer())
                .pipeInput("IRN-PAK", "{\"not\": \"an update\"}", at("2024-01-17"));

        pipe(weeks(IRN_PAK, at("2024-01-17"), 17, 0), at("2024-01-17"));

        assertThat(alerts.readKeyValuesToList()).extracting(AlertsTopologyTest::line).containsExactly(
                "IRN-PAK org.flashpoint.alert.firing tension-week.IRN-PAK.20240117T000000Z/1 2024-01-17T00:00:00Z WARNING");
    }

    @Test
    void every_store_is_named_and_nothing_is_repartitioned() {
        String description = AlertsTopology.build(replay(), RuleSet.loadDefault()).describe().toString();

        assertThat(description).contains(AlertsTopology.HISTORY_STORE, AlertsTopology.INCIDENTS_STORE, AlertsTopology.LIFECYCLE_STORE,
                "dyad-updates-source", "evaluate-alerts", "alerts-sink");
        assertThat(description).doesNotContain("repartition");
        assertThat(description).doesNotContainPattern("KSTREAM-[A-Z]+-\\d+|KTABLE-[A-Z]+-\\d+");
    }
}
