package org.flashpoint.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;
import static org.flashpoint.alerts.Fixtures.incident;
import static org.flashpoint.alerts.Fixtures.weeks;

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
import org.flashpoint.alerts.lifecycle.AlertEngine;
import org.flashpoint.alerts.lifecycle.DyadHistory;
import org.flashpoint.alerts.lifecycle.InMemoryAlertStore;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.JsonSerde;
import org.flashpoint.contracts.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the alerts role persists of a dyad's history, seen on the stores' changelogs in TopologyTestDriver: each
 * incident once and only when it changed, the history naming it by id. Every update also runs through the same
 * engine over maps, whose history is what the stores must give back.
 */
class KafkaAlertStoreTest {

    private static final String APPLICATION_ID = "alerts-store-test";

    private final AlertEngine engine = new AlertEngine(RuleSet.loadDefault());
    private final InMemoryAlertStore expected = new InMemoryAlertStore();
    private TopologyTestDriver driver;
    private TestInputTopic<String, DyadUpdate> updates;
    private TestOutputTopic<String, Incident> incidentChanges;
    private TestOutputTopic<String, String> historyChanges;

    @BeforeEach
    void start() {
        AlertsSettings settings = AlertsSettings.live("unused:9092").withApplicationId(APPLICATION_ID).withoutWallClock();
        Properties props = settings.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + APPLICATION_ID);
        driver = new TopologyTestDriver(AlertsTopology.build(settings, engine.rules()), props);
        updates = driver.createInputTopic(Topics.DYAD_UPDATES.name(), new StringSerializer(),
                Topics.DYAD_UPDATES.valueSerde().serializer());
        incidentChanges = driver.createOutputTopic(changelog(AlertsTopology.INCIDENTS_STORE), new StringDeserializer(),
                JsonSerde.forState(Incident.class).deserializer());
        historyChanges = driver.createOutputTopic(changelog(AlertsTopology.HISTORY_STORE), new StringDeserializer(),
                new StringDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static String changelog(String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    /** One article's changes on IRN-PAK, to the topology and to the engine over maps. */
    private void pipe(Instant time, List<Incident> incidents, List<DyadIndicator> windows) {
        DyadUpdate update = new DyadUpdate(IRN_PAK, "a-" + time, time, incidents, windows);
        updates.pipeInput(IRN_PAK.toString(), update, time);
        engine.onUpdate(expected, update);
    }

    private KafkaAlertStore restarted() {
        return new KafkaAlertStore(driver.getKeyValueStore(AlertsTopology.HISTORY_STORE),
                driver.getKeyValueStore(AlertsTopology.INCIDENTS_STORE),
                driver.getKeyValueStore(AlertsTopology.LIFECYCLE_STORE));
    }

    @Test
    void an_incident_is_written_when_it_first_comes_and_when_it_changes_and_not_on_other_updates_of_its_dyad() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16", at("2024-01-17"), true, 2, 1);
        Incident raid = incident("IRN-PAK.assault.2024-01-17", at("2024-01-18"), false, null, 1);
        Incident strikeRetold = incident(strike.id(), at("2024-01-17"), at("2024-01-19"), true, 3, 2);

        pipe(at("2024-01-17"), List.of(strike), weeks(IRN_PAK, at("2024-01-17"), 17, 0, strike.id()));
        List<KeyValue<String, Incident>> first = incidentChanges.readKeyValuesToList();
        pipe(at("2024-01-18"), List.of(raid), List.of());
        List<KeyValue<String, Incident>> second = incidentChanges.readKeyValuesToList();
        pipe(at("2024-01-18T12:00:00Z"), List.of(), weeks(IRN_PAK, at("2024-01-18T12:00:00Z"), 20, 0, strike.id()));
        List<KeyValue<String, Incident>> third = incidentChanges.readKeyValuesToList();
        pipe(at("2024-01-19"), List.of(strikeRetold), List.of());
        List<KeyValue<String, Incident>> fourth = incidentChanges.readKeyValuesToList();

        assertThat(first).containsExactly(KeyValue.pair(strike.id(), strike));
        assertThat(second).containsExactly(KeyValue.pair(raid.id(), raid));
        assertThat(third).isEmpty();
        assertThat(fourth).containsExactly(KeyValue.pair(strike.id(), strikeRetold));
    }

    @Test
    void the_history_record_names_its_incidents_by_id_in_the_history_order_and_quotes_none() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16", at("2024-01-17"), true, 2, 1);
        Incident raid = incident("IRN-PAK.assault.2024-01-17", at("2024-01-18"), false, null, 1);
        pipe(at("2024-01-17"), List.of(strike), List.of());
        pipe(at("2024-01-18"), List.of(raid), weeks(IRN_PAK, at("2024-01-18"), 20, 0, strike.id(), raid.id()));

        List<KeyValue<String, String>> records = historyChanges.readKeyValuesToList();
        String last = records.get(records.size() - 1).value;
        StoredHistory stored = JsonSerde.forState(StoredHistory.class).deserializer().deserialize("", last.getBytes());

        assertThat(records).extracting(r -> r.key).containsOnly("IRN-PAK");
        assertThat(stored.incidentIds()).containsExactly(strike.id(), raid.id());
        assertThat(stored.windows()).hasSize(7);
        assertThat(records).extracting(r -> r.value).noneMatch(json -> json.contains("Quote about"));
    }

    @Test
    void a_new_store_over_the_same_stores_reassembles_the_history_the_engine_holds() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16", at("2024-01-17"), true, 2, 1);
        Incident raid = incident("IRN-PAK.assault.2024-01-17", at("2024-01-18"), false, null, 1);
        Incident strikeRetold = incident(strike.id(), at("2024-01-17"), at("2024-01-19"), true, 3, 2);
        pipe(at("2024-01-17"), List.of(strike), weeks(IRN_PAK, at("2024-01-17"), 17, 0, strike.id()));
        pipe(at("2024-01-18"), List.of(raid), weeks(IRN_PAK, at("2024-01-18"), 20, 0, strike.id(), raid.id()));
        pipe(at("2024-01-19"), List.of(strikeRetold), List.of());

        DyadHistory reassembled = restarted().history(IRN_PAK);

        assertThat(reassembled).isEqualTo(expected.history(IRN_PAK));
        assertThat(reassembled.incidents()).containsExactly(strikeRetold, raid);
    }

    @Test
    void an_incident_past_the_look_back_is_deleted_from_the_incidents_store() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16", at("2024-01-17"), true, 2, 1);
        pipe(at("2024-01-17"), List.of(strike), List.of());
        incidentChanges.readKeyValuesToList();

        pipe(at("2024-03-01"), List.of(), weeks(IRN_PAK, at("2024-03-01"), 1, 0));

        assertThat(incidentChanges.readKeyValuesToList()).containsExactly(KeyValue.pair(strike.id(), null));
        KeyValueStore<String, Incident> stored = driver.getKeyValueStore(AlertsTopology.INCIDENTS_STORE);
        assertThat(stored.get(strike.id())).isNull();
        assertThat(restarted().history(IRN_PAK)).isEqualTo(expected.history(IRN_PAK));
        assertThat(expected.history(IRN_PAK).incidents()).isEmpty();
    }

    @Test
    void a_history_an_earlier_build_wrote_with_whole_incidents_reads_and_moves_them_to_the_incidents_store_on_its_next_write() {
        Incident strike = incident("IRN-PAK.assault.2024-01-16", at("2024-01-17"), true, 2, 1);
        Incident raid = incident("IRN-PAK.assault.2024-01-17", at("2024-01-18"), false, null, 1);
        DyadHistory earlier = new DyadHistory(IRN_PAK, at("2024-01-17"), List.of(), List.of(strike), false);
        byte[] earlierBytes = JsonSerde.forState(DyadHistory.class).serializer().serialize("", earlier);
        KeyValueStore<String, StoredHistory> histories = driver.getKeyValueStore(AlertsTopology.HISTORY_STORE);
        histories.put(IRN_PAK.toString(), JsonSerde.forState(StoredHistory.class).deserializer().deserialize("", earlierBytes));

        KafkaAlertStore store = restarted();
        DyadHistory read = store.history(IRN_PAK);
        assertThat(read).isEqualTo(earlier);
        // As the engine does: the strike it read, the very object, kept beside a new incident.
        store.putHistory(new DyadHistory(IRN_PAK, at("2024-01-18"), List.of(), List.of(read.incidents().get(0), raid), false));

        KeyValueStore<String, Incident> incidents = driver.getKeyValueStore(AlertsTopology.INCIDENTS_STORE);
        assertThat(incidents.get(strike.id())).isEqualTo(strike);
        assertThat(incidents.get(raid.id())).isEqualTo(raid);
        assertThat(histories.get(IRN_PAK.toString())).satisfies(stored -> {
            assertThat(stored.inline()).isNull();
            assertThat(stored.incidentIds()).containsExactly(strike.id(), raid.id());
        });
        assertThat(restarted().history(IRN_PAK).incidents()).containsExactly(strike, raid);
    }
}
