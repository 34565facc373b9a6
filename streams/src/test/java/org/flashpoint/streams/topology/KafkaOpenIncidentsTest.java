package org.flashpoint.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.streams.Fixtures.BORDER_ESCALATION;
import static org.flashpoint.streams.Fixtures.IRN_PAK;
import static org.flashpoint.streams.Fixtures.article;
import static org.flashpoint.streams.Fixtures.at;
import static org.flashpoint.streams.Fixtures.classified;
import static org.flashpoint.streams.Fixtures.mention;
import static org.flashpoint.streams.Fixtures.strike;
import static org.flashpoint.streams.Fixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.JsonSerde;
import org.flashpoint.contracts.Modality;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.incidents.AnalyzedArticle;
import org.flashpoint.streams.incidents.InMemoryOpenIncidents;
import org.flashpoint.streams.incidents.IncidentMerger;
import org.flashpoint.streams.incidents.IncidentState;
import org.flashpoint.streams.incidents.OpenIncidents;
import org.flashpoint.streams.incidents.Report;
import org.flashpoint.streams.incidents.TextFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How open incidents are stored: each report's fingerprint in a record of its own, written once. */
class KafkaOpenIncidentsTest {

    private static final String APP = "open-incidents-test";
    private static final LocalDate JAN17 = LocalDate.parse("2024-01-17");
    private static final String STRIKE_ID = "IRN-PAK.assault.2024-01-17.IRN";
    private static final StreamsSettings SETTINGS = StreamsSettings.defaults("unused:9092");

    @TempDir
    Path stateDir;

    private final Map<String, ClassifiedArticle> analyses = new HashMap<>();
    private final IncidentMerger merger = new IncidentMerger(SETTINGS.incidents());
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> articles;
    private TestOutputTopic<String, byte[]> stateChangelog;
    private TestOutputTopic<String, byte[]> fingerprintChangelog;

    @BeforeEach
    void start() {
        Properties props = SETTINGS.withStateDir(stateDir).streamsProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        driver = new TopologyTestDriver(FlashpointTopology.build(SETTINGS, article -> analyses.get(article.id())), props);
        articles = driver.createInputTopic(Topics.ARTICLES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        stateChangelog = changelog(FlashpointTopology.OPEN_INCIDENTS);
        fingerprintChangelog = changelog(FlashpointTopology.OPEN_INCIDENT_FINGERPRINTS);
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return driver.createOutputTopic(APP + "-" + store + "-changelog", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** Sends an article reporting the strike of 17 January, or nothing when {@code reportsStrike} is false. */
    private void send(String id, String source, String time, int text, boolean reportsStrike) {
        Article article = article(id, source, at(time), text(text));
        analyses.put(id, reportsStrike
                ? classified(article, BORDER_ESCALATION, strike("IRN", "PAK", JAN17, 2, "Iran struck Panjgur."))
                : classified(article, BORDER_ESCALATION));
        articles.pipeInput(id, Json.write(article), article.published());
    }

    /** Open incidents over the topology's stores, with nothing decoded yet: as after a restart. */
    private KafkaOpenIncidents fresh() {
        return new KafkaOpenIncidents(driver.getKeyValueStore(FlashpointTopology.INCIDENT_WORKING_SETS), stateStore(),
                fingerprintStore());
    }

    private KeyValueStore<String, StoredIncident> stateStore() {
        return driver.getKeyValueStore(FlashpointTopology.OPEN_INCIDENTS);
    }

    private KeyValueStore<String, TextFingerprint> fingerprintStore() {
        return driver.getKeyValueStore(FlashpointTopology.OPEN_INCIDENT_FINGERPRINTS);
    }

    private List<String> fingerprintKeys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, TextFingerprint> all = fingerprintStore().all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    /** Merges the strike reports {@code a<from>..a<to>} into {@code store}. */
    private void merge(OpenIncidents store, int from, int to) {
        merge(store, from, to, strike("IRN", "PAK", JAN17, 2, "Iran struck."));
    }

    /** Merges reports {@code a<from>..a<to>} of {@code event}, by outlets of their own, into {@code store} as the topology would. */
    private void merge(OpenIncidents store, int from, int to, EventMention event) {
        for (int n = from; n <= to; n++) {
            Article article = article("a" + n, "outlet" + n, at("2024-01-17T06:00:00Z").plusSeconds(60L * n), text(n));
            AnalyzedArticle analyzed = AnalyzedArticle.of(article, classified(article, BORDER_ESCALATION, event));
            Instant time = article.published();
            merger.merge(store, merger.report(IRN_PAK, analyzed, time), time);
        }
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return Json.stateMapper().readTree(bytes);
    }

    @Test
    void aSecondReportWritesOnlyItsOwnFingerprintAndAStateWithoutFingerprints() throws IOException {
        send("a1", "nbc", "2024-01-17T06:00:00Z", 1, true);
        assertThat(fingerprintChangelog.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(STRIKE_ID + "|a1");
        stateChangelog.readKeyValuesToList();

        send("a2", "cbc", "2024-01-17T09:00:00Z", 2, true);

        List<KeyValue<String, byte[]>> fingerprints = fingerprintChangelog.readKeyValuesToList();
        assertThat(fingerprints).extracting(kv -> kv.key).containsExactly(STRIKE_ID + "|a2");
        TextFingerprint a2 = JsonSerde.forState(TextFingerprint.class).deserializer().deserialize("", fingerprints.get(0).value);
        assertThat(a2).isEqualTo(TextFingerprint.of("\n\n" + text(2)));
        List<KeyValue<String, byte[]>> states = stateChangelog.readKeyValuesToList();
        assertThat(states).extracting(kv -> kv.key).containsExactly(STRIKE_ID);
        String written = new String(states.get(0).value, StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(a2.encoded()).doesNotContain(TextFingerprint.of("\n\n" + text(1)).encoded());
        JsonNode stored = json(states.get(0).value);
        assertThat(stored.get("apart")).extracting(JsonNode::asInt).containsExactly(0, 1);
        assertThat(stored.get("state").get("reports")).extracting(r -> r.get("articleId").asText()).containsExactly("a1", "a2");
        assertThat(stored.get("state").get("reports")).allSatisfy(r -> assertThat(r.has("fingerprint")).isFalse());
        assertThat(fresh().incident(STRIKE_ID).reports()).extracting(Report::fingerprint)
                .containsExactly(TextFingerprint.of("\n\n" + text(1)), a2);
    }

    @Test
    void aFreshInstanceReadsBackTheIncidentAsStoredIncludingReportsPastTheFingerprintCap() {
        KafkaOpenIncidents writer = fresh();
        merge(writer, 1, IncidentState.MAX_FINGERPRINTED_REPORTS + 1);
        IncidentState stored = writer.incident(STRIKE_ID);
        assertThat(stored.reports()).hasSize(IncidentState.MAX_FINGERPRINTED_REPORTS + 1);
        assertThat(stored.reports().subList(0, IncidentState.MAX_FINGERPRINTED_REPORTS))
                .allSatisfy(r -> assertThat(r.fingerprint()).isNotNull());
        assertThat(stored.reports().get(IncidentState.MAX_FINGERPRINTED_REPORTS).fingerprint()).isNull();

        IncidentState read = fresh().incident(STRIKE_ID);

        assertThat(read).isNotSameAs(stored).isEqualTo(stored);
        // Only the fingerprinted reports have a record; the last one's absence is not mistaken for a lost one.
        assertThat(stateStore().get(STRIKE_ID).apart()).hasSize(IncidentState.MAX_FINGERPRINTED_REPORTS);
        assertThat(fingerprintStore().get(KafkaOpenIncidents.fingerprintKey(STRIKE_ID, "a33"))).isNull();
        assertThat(fingerprintKeys()).hasSize(IncidentState.MAX_FINGERPRINTED_REPORTS);
    }

    @Test
    void anIncidentThatGoesStaleTakesItsFingerprintsWithIt() {
        send("a1", "nbc", "2024-01-17T06:00:00Z", 1, true);
        send("a2", "cbc", "2024-01-17T09:00:00Z", 2, true);
        stateChangelog.readKeyValuesToList();
        fingerprintChangelog.readKeyValuesToList();

        // Past the stale time and merge gap of the dyad's newest report, the incident leaves the working set.
        send("a3", "dawn", "2024-03-01T06:00:00Z", 3, false);

        assertThat(fingerprintChangelog.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
                .containsExactlyInAnyOrder(STRIKE_ID + "|a1=null", STRIKE_ID + "|a2=null");
        assertThat(stateChangelog.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
                .containsExactly(STRIKE_ID + "=null");
        assertThat(fingerprintKeys()).isEmpty();
        assertThat(fresh().incident(STRIKE_ID)).isNull();
    }

    @Test
    void stateStoredWholeByEarlierBuildsReadsAsItIsAndMovesItsFingerprintsApartOnTheNextReport() {
        InMemoryOpenIncidents earlier = new InMemoryOpenIncidents();
        merge(earlier, 1, 2);
        IncidentState whole = earlier.incident(STRIKE_ID);
        byte[] written = JsonSerde.forState(IncidentState.class).serializer().serialize("", whole);

        StoredIncident read = JsonSerde.forState(StoredIncident.class).deserializer().deserialize("", written);

        assertThat(read.apart()).isEmpty();
        assertThat(read.state()).isEqualTo(whole);
        assertThat(read.state().reports()).allSatisfy(r -> assertThat(r.fingerprint()).isNotNull());
        stateStore().put(STRIKE_ID, read);
        driver.<String, Object>getKeyValueStore(FlashpointTopology.INCIDENT_WORKING_SETS).put(IRN_PAK.toString(), earlier.dyad(IRN_PAK));
        KafkaOpenIncidents upgraded = fresh();
        assertThat(upgraded.incident(STRIKE_ID)).isEqualTo(whole);
        assertThat(fingerprintKeys()).isEmpty();

        merge(upgraded, 3, 3);

        // The reports read inline are the same objects after the merge, yet their fingerprints had no record: written now.
        assertThat(fingerprintKeys()).containsExactlyInAnyOrder(STRIKE_ID + "|a1", STRIKE_ID + "|a2", STRIKE_ID + "|a3");
        assertThat(stateStore().get(STRIKE_ID).apart()).containsExactly(0, 1, 2);
        IncidentState three = upgraded.incident(STRIKE_ID);
        assertThat(three.reports()).extracting(Report::articleId).containsExactly("a1", "a2", "a3");
        assertThat(fresh().incident(STRIKE_ID)).isEqualTo(three);
    }

    @Test
    void anIncidentWhoseIdHoldsTheKeySeparatorKeepsItsFingerprintsInline() {
        // Only an analysis made by hand names such an actor; the analyzer's actors are state codes.
        KafkaOpenIncidents writer = fresh();
        merge(writer, 1, 2, mention("assault", "X|Y", null, JAN17, Modality.ASSERTED, -9.0, 2, "X|Y struck."));
        String id = "IRN-PAK.assault.2024-01-17.X|Y";
        IncidentState stored = writer.incident(id);
        assertThat(stored.reports()).extracting(Report::articleId).containsExactly("a1", "a2");

        assertThat(fingerprintKeys()).isEmpty();
        assertThat(stateStore().get(id).apart()).isEmpty();
        assertThat(stateStore().get(id).state()).isEqualTo(stored);
        assertThat(fresh().incident(id)).isEqualTo(stored);
    }
}
