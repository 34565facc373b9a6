package org.flashpoint.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.streams.Fixtures.BORDER_ESCALATION;
import static org.flashpoint.streams.Fixtures.article;
import static org.flashpoint.streams.Fixtures.at;
import static org.flashpoint.streams.Fixtures.classified;
import static org.flashpoint.streams.Fixtures.mention;
import static org.flashpoint.streams.Fixtures.strike;
import static org.flashpoint.streams.Fixtures.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Modality;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.indicators.WindowSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlashpointTopologyTest {

    private static final LocalDate JAN16 = LocalDate.parse("2024-01-16");
    private static final LocalDate JAN17 = LocalDate.parse("2024-01-17");
    private static final String STRIKE_ID = "IRN-PAK.assault.2024-01-17.IRN";

    @TempDir
    Path stateDir;

    private final Map<String, ClassifiedArticle> analyses = new HashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> articles;
    private TestOutputTopic<String, ClassifiedArticle> classified;
    private TestOutputTopic<String, Incident> incidents;
    private TestOutputTopic<String, DyadIndicator> indicators;
    private TestOutputTopic<String, RejectedRecord> rejected;
    private TestOutputTopic<String, DyadUpdate> dyadUpdates;

    /** Day windows with a day of grace, so an article on a same-day event gives exactly one indicator update. */
    private void start() {
        start(StreamsSettings.defaults("unused:9092").withIndicators(StreamsSettings.defaults("unused:9092").indicators()
                .withWindows(List.of(WindowSpec.tumbling(Duration.ofDays(1)))).withGrace(Duration.ofDays(1))));
    }

    private void start(StreamsSettings settings) {
        Properties props = settings.withStateDir(stateDir).streamsProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        driver = new TopologyTestDriver(FlashpointTopology.build(settings, article -> {
            ClassifiedArticle analysis = analyses.get(article.id());
            if (analysis == null) {
                throw new IllegalStateException("engine failure on " + article.id());
            }
            return analysis;
        }), props);
        articles = driver.createInputTopic(Topics.ARTICLES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        classified = output(Topics.ARTICLES_CLASSIFIED);
        incidents = output(Topics.INCIDENTS);
        indicators = output(Topics.INDICATORS);
        rejected = output(Topics.ARTICLES_REJECTED);
        dyadUpdates = output(Topics.DYAD_UPDATES);
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private Article send(String id, String source, String time, String text, EventMention... mentions) {
        Article article = article(id, source, at(time), text);
        analyses.put(id, classified(article, BORDER_ESCALATION, mentions));
        send(article);
        return article;
    }

    private void send(Article article) {
        articles.pipeInput(article.id(), Json.write(article), article.published());
    }

    private void assertNothingElseCameOut() {
        assertThat(classified.isEmpty()).as("articles.classified").isTrue();
        assertThat(incidents.isEmpty()).as("incidents").isTrue();
        assertThat(indicators.isEmpty()).as("indicators").isTrue();
        assertThat(rejected.isEmpty()).as("articles.rejected").isTrue();
        // dyad.updates repeats incidents and indicators; the first test checks it against them record by record.
    }

    private double metric(String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Test
    void oneStrikeReportedByThreeOutletsBecomesOneIncidentWithThreeSources() {
        start();
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck Panjgur."));
        send("a2", "cbc", "2024-01-17T09:00:00Z", text(2), strike("IRN", "PAK", null, null, "Pakistan protested the strike."));
        send("a3", "anews", "2024-01-17T12:00:00Z", text(3), strike("IRN", "PAK", JAN17, 2, "Iranian missiles hit Balochistan."));

        assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1", "a2", "a3");
        List<KeyValue<String, Incident>> updates = incidents.readKeyValuesToList();
        assertThat(updates).extracting(kv -> kv.key).containsExactly(STRIKE_ID, STRIKE_ID, STRIKE_ID);
        assertThat(updates).extracting(kv -> kv.value.independentSources()).containsExactly(1, 2, 3);
        Incident merged = updates.get(2).value;
        assertThat(merged.sources()).containsExactly("nbc", "cbc", "anews");
        assertThat(merged.articles()).containsExactly("a1", "a2", "a3");
        assertThat(merged.killed()).isEqualTo(2);
        List<KeyValue<String, DyadIndicator>> daily = indicators.readKeyValuesToList();
        assertThat(daily).extracting(kv -> kv.key).containsOnly("IRN-PAK");
        assertThat(daily).extracting(kv -> kv.value.articles()).containsExactly(1, 2, 3);
        assertThat(daily).extracting(kv -> kv.value.incidents()).containsExactly(1, 1, 1);
        assertThat(daily.get(2).value.windowStart()).isEqualTo(at("2024-01-17T00:00:00Z"));
        // The dyad's log for the alert rules: per article, exactly the incidents and indicators published above.
        List<KeyValue<String, DyadUpdate>> together = dyadUpdates.readKeyValuesToList();
        assertThat(together).extracting(kv -> kv.key).containsExactly("IRN-PAK", "IRN-PAK", "IRN-PAK");
        assertThat(together).extracting(kv -> kv.value.articleId()).containsExactly("a1", "a2", "a3");
        assertThat(together).extracting(kv -> kv.value.incidents())
                .containsExactly(List.of(updates.get(0).value), List.of(updates.get(1).value), List.of(merged));
        assertThat(together).extracting(kv -> kv.value.indicators())
                .containsExactly(List.of(daily.get(0).value), List.of(daily.get(1).value), List.of(daily.get(2).value));
        assertNothingElseCameOut();
    }

    @Test
    void syndicatedCopiesFromTwoOutletsCountAsOneIndependentSource() {
        start();
        send("a1", "urdupoint", "2024-01-29T06:00:00Z", text(9), strike("IRN", "PAK", null, null, "Strike."));
        send("a2", "dnanews", "2024-01-29T08:00:00Z", text(9) + " with a closing line of its own",
                strike("IRN", "PAK", null, null, "Strike."));

        List<Incident> updates = incidents.readValuesToList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).sources()).containsExactly("urdupoint", "dnanews");
        assertThat(updates.get(1).independentSources()).isEqualTo(1);
        assertThat(indicators.readValuesToList()).extracting(DyadIndicator::independentSources).containsExactly(1, 1);
        assertThat(classified.readValuesToList()).hasSize(2);
        assertNothingElseCameOut();
    }

    @Test
    void aDuplicateArticleIdIsDroppedOnceAndCounted() {
        start();
        Article first = send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));
        send(first);

        assertThat(classified.readValuesToList()).hasSize(1);
        assertThat(incidents.readValuesToList()).hasSize(1);
        assertThat(indicators.readValuesToList()).hasSize(1);
        assertThat(metric(Metrics.DUPLICATE_ARTICLES)).isEqualTo(1.0);
        assertNothingElseCameOut();
    }

    @Test
    void aPoisonPillGoesToTheDeadLetterTopicWithItsReasonAndProcessingContinues() {
        start();
        articles.pipeInput("bad", "{\"id\": \"bad\", \"text\": ".getBytes(StandardCharsets.UTF_8), at("2024-01-17T05:00:00Z"));
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));

        List<KeyValue<String, RejectedRecord>> dead = rejected.readKeyValuesToList();
        assertThat(dead).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("bad");
            assertThat(kv.value.reason()).isEqualTo("invalid_article");
            assertThat(kv.value.stage()).isEqualTo("streams");
            assertThat(kv.value.origin()).isEqualTo("articles/0/0");
            assertThat(kv.value.payload()).isEqualTo("{\"id\": \"bad\", \"text\": ");
            assertThat(kv.value.rejectedAt()).isEqualTo(at("2024-01-17T05:00:00Z"));
        });
        assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1");
        assertThat(incidents.readValuesToList()).hasSize(1);
        assertThat(indicators.readValuesToList()).hasSize(1);
        assertNothingElseCameOut();
        // What /prometheus shows: rejections by reason, articles analysed, incidents opened.
        assertThat(metric(Metrics.REJECTED_PREFIX + "invalid_article")).isEqualTo(1.0);
        assertThat(metric(Metrics.ANALYZED_ARTICLES)).isEqualTo(1.0);
        assertThat(metric(Metrics.OPENED_INCIDENTS)).isEqualTo(1.0);
    }

    @Test
    void anArticleTheEngineFailsOnIsRejectedAndTheNextOneIsProcessed() {
        start();
        send(article("crash", "nbc", at("2024-01-17T05:00:00Z"), text(4)));
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));

        assertThat(rejected.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("analysis_failed");
            assertThat(r.message()).contains("engine failure on crash");
            assertThat(Json.read(r.payload(), Article.class).id()).isEqualTo("crash");
        });
        assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1");
        assertThat(incidents.readValuesToList()).hasSize(1);
        assertThat(indicators.readValuesToList()).hasSize(1);
        assertNothingElseCameOut();
    }

    @Test
    void aLateArticleWithinGraceUpdatesItsWindowAndOneBeyondGraceIsCountedLate() {
        start();
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));
        send("a2", "cbc", "2024-01-18T12:00:00Z", text(2));
        send("a3", "anews", "2024-01-17T20:00:00Z", text(3));
        send("a4", "dawn", "2024-01-19T00:00:00Z", text(4));
        send("a5", "geo", "2024-01-17T21:00:00Z", text(5), strike("IRN", "PAK", JAN17, 2, "Iran's strike killed two."));

        assertThat(classified.readValuesToList()).hasSize(5);
        List<DyadIndicator> updates = indicators.readValuesToList();
        assertThat(updates).extracting(i -> i.windowStart().toString() + " " + i.articles()).containsExactly(
                "2024-01-17T00:00:00Z 1", "2024-01-18T00:00:00Z 1", "2024-01-17T00:00:00Z 2", "2024-01-19T00:00:00Z 1");
        // The incident still learns of the late report; only the closed window refuses it.
        assertThat(incidents.readValuesToList()).extracting(Incident::articles)
                .containsExactly(List.of("a1"), List.of("a1", "a5"));
        assertThat(metric(Metrics.LATE_ARTICLES)).isEqualTo(1.0);
        assertNothingElseCameOut();
    }

    @Test
    void aReportOfYesterdaysStrikeCountsTheStrikeYesterdayAndTheArticleToday_andALaterRecapIsLate() {
        start();
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Yesterday Iran struck."));
        send("a2", "dawn", "2024-01-25T06:00:00Z", text(2), strike("IRN", "PAK", JAN16, 2, "Iran's strike on the 16th."));

        assertThat(indicators.readValuesToList()).extracting(i -> i.windowStart().toString().substring(0, 10)
                        + " incidents=" + i.incidents() + " articles=" + i.articles())
                .containsExactly("2024-01-16 incidents=1 articles=0", "2024-01-17 incidents=0 articles=1",
                        "2024-01-25 incidents=0 articles=1");
        assertThat(incidents.readValuesToList()).extracting(Incident::articles).containsExactly(List.of("a1"), List.of("a1", "a2"));
        assertThat(metric(Metrics.LATE_ARTICLES)).isEqualTo(1.0);
        assertThat(classified.readValuesToList()).hasSize(2);
        assertNothingElseCameOut();
    }

    @Test
    void aHistoricalMentionDaysLaterNeitherReopensNorOpensAnIncident() {
        start();
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));
        send("a2", "dawn", "2024-01-25T06:00:00Z", text(2),
                mention("assault", "IRN", "PAK", JAN17, Modality.HISTORICAL, -9, 2, "Last week's Iranian strike was recalled."));

        assertThat(incidents.readValuesToList()).extracting(Incident::id).containsExactly(STRIKE_ID);
        assertThat(indicators.readValuesToList()).extracting(i -> i.windowStart() + " incidents=" + i.incidents() + " articles=" + i.articles())
                .containsExactly("2024-01-17T00:00:00Z incidents=1 articles=1", "2024-01-25T00:00:00Z incidents=0 articles=1");
        assertThat(classified.readValuesToList()).hasSize(2);
        assertNothingElseCameOut();
    }

    @Test
    void withDefaultWindowsEachArticleUpdatesItsDayAndTheSevenWeeksThatContainIt() {
        start(StreamsSettings.defaults("unused:9092"));
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));

        assertThat(indicators.readValuesToList()).extracting(i -> i.window().toDays() + "d@" + i.windowStart().toString().substring(0, 10))
                .containsExactly("1d@2024-01-17", "7d@2024-01-11", "7d@2024-01-12", "7d@2024-01-13", "7d@2024-01-14",
                        "7d@2024-01-15", "7d@2024-01-16", "7d@2024-01-17");
        assertThat(incidents.readValuesToList()).hasSize(1);
        assertThat(classified.readValuesToList()).hasSize(1);
        assertNothingElseCameOut();
    }

    @Test
    void everyProcessorStoreAndInternalTopicHasAGivenNameSoStateSurvivesTopologyChanges() {
        String description = FlashpointTopology.build(StreamsSettings.defaults("unused:9092"), a -> null).describe().toString();
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        assertThat(description).contains("articles-by-dyad-repartition", "parse-articles", "dedupe-articles", "analyze-articles",
                "merge-incidents", "update-indicators", FlashpointTopology.SEEN_ARTICLES, FlashpointTopology.INCIDENT_WORKING_SETS,
                FlashpointTopology.OPEN_INCIDENTS, FlashpointTopology.OPEN_INCIDENT_FINGERPRINTS,
                FlashpointTopology.INCIDENTS_STORE, FlashpointTopology.INDICATOR_BUCKETS, FlashpointTopology.INDICATORS_STORE,
                FlashpointTopology.DYADS_STORE);
    }

    @Test
    void theIncidentAndIndicatorStoresAnswerQueriesByKey() {
        start();
        send("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN17, 2, "Iran struck."));

        assertThat(driver.<String, Incident>getKeyValueStore(FlashpointTopology.INCIDENTS_STORE).get(STRIKE_ID).killed()).isEqualTo(2);
        assertThat(driver.<String, DyadIndicator>getKeyValueStore(FlashpointTopology.INDICATORS_STORE)
                .get(StoreKeys.window(org.flashpoint.streams.Fixtures.IRN_PAK, Duration.ofDays(1), at("2024-01-17T00:00:00Z"))).incidents())
                .isEqualTo(1);
    }
}
