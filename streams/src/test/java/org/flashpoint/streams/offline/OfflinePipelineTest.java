package org.flashpoint.streams.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.streams.Fixtures.BORDER_ESCALATION;
import static org.flashpoint.streams.Fixtures.VISIT;
import static org.flashpoint.streams.Fixtures.article;
import static org.flashpoint.streams.Fixtures.at;
import static org.flashpoint.streams.Fixtures.classified;
import static org.flashpoint.streams.Fixtures.mention;
import static org.flashpoint.streams.Fixtures.strike;
import static org.flashpoint.streams.Fixtures.text;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Modality;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.topology.FlashpointTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflinePipelineTest {

    private static final LocalDate JAN16 = LocalDate.parse("2024-01-16");

    @TempDir
    Path stateDir;

    private final Map<String, ClassifiedArticle> analyses = new HashMap<>();
    private final Function<Article, ClassifiedArticle> engine = a -> {
        ClassifiedArticle analysis = analyses.get(a.id());
        if (analysis == null) {
            throw new IllegalStateException("engine failure on " + a.id());
        }
        return analysis;
    };

    private Article add(String id, String source, String time, String text, org.flashpoint.contracts.Labels labels,
                        org.flashpoint.contracts.EventMention... mentions) {
        Article article = article(id, source, at(time), text);
        analyses.put(id, classified(article, labels, mentions));
        return article;
    }

    /** A week of news with a syndicated copy, a duplicate, an engine failure, a late report and a visit. */
    private List<Article> log() {
        Article first = add("a1", "nbc", "2024-01-17T06:00:00Z", text(1), BORDER_ESCALATION, strike("IRN", "PAK", JAN16, 2, "Iran struck."));
        return List.of(
                first,
                add("a2", "cbc", "2024-01-17T09:00:00Z", text(2), BORDER_ESCALATION, strike("IRN", "PAK", null, null, "Pakistan protested.")),
                add("a3", "dnanews", "2024-01-17T10:00:00Z", text(2) + " copy", BORDER_ESCALATION, strike("IRN", "PAK", null, null, "Protest.")),
                first,
                article("crash", "x", at("2024-01-18T01:00:00Z"), text(3)),
                add("a4", "dawn", "2024-01-19T08:00:00Z", text(4), VISIT,
                        mention("visit", "IRN", "PAK", null, Modality.ASSERTED, 5, null, "The minister arrived in Islamabad.")),
                add("a5", "geo", "2024-01-17T12:00:00Z", text(5), BORDER_ESCALATION, strike("IRN", "PAK", JAN16, 2, "Two children died.")),
                add("a6", "dawn", "2024-01-25T08:00:00Z", text(6), BORDER_ESCALATION,
                        mention("assault", "IRN", "PAK", JAN16, Modality.HISTORICAL, -9, 2, "Last week's strike.")));
    }

    @Test
    void theOfflinePipelineEmitsWhatTheTopologyEmitsInTheSameOrder() {
        StreamsSettings settings = StreamsSettings.defaults("unused:9092").withStateDir(stateDir);
        List<Article> log = log();
        OfflinePipeline.Result offline = OfflinePipeline.of(engine, settings).run(log);

        try (TopologyTestDriver driver = new TopologyTestDriver(FlashpointTopology.build(settings, engine), settings.streamsProperties())) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic(Topics.ARTICLES.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            log.forEach(a -> input.pipeInput(a.id(), Json.write(a), a.published()));
            List<Incident> incidents = driver.createOutputTopic(Topics.INCIDENTS.name(), Serdes.String().deserializer(),
                    Topics.INCIDENTS.valueSerde().deserializer()).readValuesToList();
            List<DyadIndicator> indicators = driver.createOutputTopic(Topics.INDICATORS.name(), Serdes.String().deserializer(),
                    Topics.INDICATORS.valueSerde().deserializer()).readValuesToList();
            List<ClassifiedArticle> classified = driver.createOutputTopic(Topics.ARTICLES_CLASSIFIED.name(), Serdes.String().deserializer(),
                    Topics.ARTICLES_CLASSIFIED.valueSerde().deserializer()).readValuesToList();
            List<RejectedRecord> rejected = driver.createOutputTopic(Topics.ARTICLES_REJECTED.name(), Serdes.String().deserializer(),
                    Topics.ARTICLES_REJECTED.valueSerde().deserializer()).readValuesToList();

            assertThat(offline.incidents()).isNotEmpty().isEqualTo(incidents);
            assertThat(offline.indicators()).isNotEmpty().isEqualTo(indicators);
            assertThat(offline.classified()).isEqualTo(classified);
            assertThat(offline.rejected()).extracting(RejectedRecord::reason).isEqualTo(rejected.stream().map(RejectedRecord::reason).toList());
        }
        assertThat(offline.duplicates()).isEqualTo(1);
        // a5 (17 Jan) arrives after a4 (19 Jan 08:00) moved the dyad's clock past 17 Jan's day window plus a day of grace.
        assertThat(offline.lateUpdates()).isEqualTo(1);
        assertThat(offline.outcomes()).extracting(o -> o.duplicate() ? "duplicate" : o.rejected() != null ? "rejected" : o.classified().id())
                .containsExactly("a1", "a2", "a3", "duplicate", "rejected", "a4", "a5", "a6");
    }

    @Test
    void syndicatedCopiesAndLateReportsShowInTheOfflineResult() {
        OfflinePipeline.Result result = OfflinePipeline.withDefaults(engine).run(log());
        Incident strike = result.incidents().stream().filter(i -> i.kind().equals("assault")).reduce((a, b) -> b).orElseThrow();
        assertThat(strike.articles()).containsExactly("a1", "a2", "a3", "a5");
        assertThat(strike.independentSources()).isEqualTo(3);
        assertThat(result.incidents()).extracting(Incident::kind).containsOnly("assault", "visit");
    }
}
