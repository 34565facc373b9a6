package org.flashpoint.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flashpoint.streams.Fixtures.BORDER_ESCALATION;
import static org.flashpoint.streams.Fixtures.article;
import static org.flashpoint.streams.Fixtures.at;
import static org.flashpoint.streams.Fixtures.classified;
import static org.flashpoint.streams.Fixtures.mention;
import static org.flashpoint.streams.Fixtures.strike;
import static org.flashpoint.streams.Fixtures.text;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Modality;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.indicators.WindowSpec;
import org.flashpoint.streams.topology.FlashpointTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractiveQueriesTest {

    private static final HostInfo OTHER = new HostInfo("other-host", 8083);
    private static final String STRIKE = "IRN-PAK.assault.2024-01-17.IRN";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private final Map<String, HostInfo> ownedElsewhere = new HashMap<>();
    private final List<String> relayed = new ArrayList<>();
    private final Map<String, QueryResult> otherAnswers = new HashMap<>();
    private InteractiveQueries queries;

    @BeforeEach
    void replayTwoDyads() {
        StreamsSettings settings = StreamsSettings.defaults("unused:9092").withStateDir(stateDir);
        settings = settings.withIndicators(settings.indicators().withWindows(List.of(WindowSpec.tumbling(Duration.ofDays(1)))));
        Map<String, ClassifiedArticle> analyses = new HashMap<>();
        driver = new TopologyTestDriver(FlashpointTopology.build(settings, a -> analyses.get(a.id())), settings.streamsProperties());
        TestInputTopic<String, byte[]> input = driver.createInputTopic(Topics.ARTICLES.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        Article a1 = article("a1", "nbc", at("2024-01-17T06:00:00Z"), text(1));
        analyses.put("a1", classified(a1, BORDER_ESCALATION, strike("IRN", "PAK", LocalDate.parse("2024-01-17"), 2, "Iran struck.")));
        Article a2 = article("a2", "ekathimerini", at("2024-01-20T06:00:00Z"), text(2));
        ClassifiedArticle talks = classified(a2, BORDER_ESCALATION,
                mention("consult", "GRC", "TUR", null, Modality.ASSERTED, 4, null, "The ministers met in Athens."));
        analyses.put("a2", new ClassifiedArticle(talks.id(), talks.title(), talks.source(), talks.url(), talks.published(),
                List.of(org.flashpoint.contracts.Dyad.of("GRC", "TUR")), talks.labels(), talks.direction(), null, talks.events(), "test"));
        for (Article a : List.of(a1, a2)) {
            input.pipeInput(a.id(), Json.write(a), a.published());
        }
        StateAccess access = new StateAccess() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return driver.getKeyValueStore(name);
            }

            @Override
            public Optional<HostInfo> ownerElsewhere(String dyadKey) {
                return Optional.ofNullable(ownedElsewhere.get(dyadKey));
            }

            @Override
            public List<HostInfo> otherInstances() {
                return List.of(OTHER);
            }
        };
        Forwarder forwarder = new Forwarder() {
            @Override
            public QueryResult get(HostInfo host, String pathAndQuery) {
                relayed.add(host.host() + ":" + host.port() + " " + pathAndQuery);
                return otherAnswers.getOrDefault(pathAndQuery, QueryResult.json("[]"));
            }
        };
        queries = new InteractiveQueries(access, forwarder, List.of(Duration.ofDays(1)));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static <T> T read(QueryResult result, TypeReference<T> type) throws Exception {
        assertThat(result.status()).isEqualTo(200);
        return Json.mapper().readValue(result.body(), type);
    }

    @Test
    void dyadsListsLocalDyadsWithCurrentTensionMergedWithTheOtherInstancesSorted() throws Exception {
        DyadSummary remote = new DyadSummary("CHN-IND", org.flashpoint.contracts.Dyad.of("CHN", "IND"), at("2024-01-01T00:00:00Z"),
                "PT24H", 1.5, 0.0, Map.of());
        otherAnswers.put("/api/v1/dyads?scope=local", QueryResult.json(Json.writeString(List.of(remote))));

        List<DyadSummary> dyads = read(queries.dyads(false), new TypeReference<>() { });

        assertThat(dyads).extracting(DyadSummary::key).containsExactly("CHN-IND", "GRC-TUR", "IRN-PAK");
        assertThat(dyads.get(2).tension()).isEqualTo(9.0);
        assertThat(dyads.get(1).tension()).isEqualTo(-4.0);
        assertThat(relayed).containsExactly("other-host:8083 /api/v1/dyads?scope=local");
    }

    @Test
    void aLocalOnlyDyadsQueryDoesNotAskTheOtherInstances() throws Exception {
        assertThat(read(queries.dyads(true), new TypeReference<List<DyadSummary>>() { })).hasSize(2);
        assertThat(relayed).isEmpty();
    }

    @Test
    void indicatorsOfALocalDyadAreFilteredByWindowStart() throws Exception {
        String path = "/api/v1/dyads/PAK-IRN/indicators";
        List<DyadIndicator> all = read(queries.indicators("PAK-IRN", null, null, null, path, false), new TypeReference<>() { });
        assertThat(all).extracting(DyadIndicator::windowStart).containsExactly(at("2024-01-17T00:00:00Z"));
        assertThat(read(queries.indicators("IRN-PAK", "2024-01-18", "2024-02-01", "P1D", path, false),
                new TypeReference<List<DyadIndicator>>() { })).isEmpty();
    }

    @Test
    void aQuestionAboutADyadOwnedElsewhereIsRelayedToItsOwnerUnchanged() {
        ownedElsewhere.put("IRN-PAK", OTHER);
        otherAnswers.put("/api/v1/incidents/" + STRIKE, new QueryResult(200, "application/json", "{\"relayed\":true}"));

        QueryResult answer = queries.incident(STRIKE, "/api/v1/incidents/" + STRIKE, false);

        assertThat(answer.body()).isEqualTo("{\"relayed\":true}");
        assertThat(relayed).containsExactly("other-host:8083 /api/v1/incidents/" + STRIKE);
    }

    @Test
    void aRelayedQuestionReachingAnInstanceThatNoLongerOwnsTheDyadIsUnavailableNotRelayedAgain() {
        ownedElsewhere.put("IRN-PAK", OTHER);
        assertThatThrownBy(() -> queries.incident(STRIKE, "/x", true))
                .isInstanceOfSatisfying(QueryProblem.class, p -> assertThat(p.status()).isEqualTo(503));
        assertThat(relayed).isEmpty();
    }

    @Test
    void incidentsAreFoundById_byDyad_andAcrossAllInstances() throws Exception {
        Incident strike = read(queries.incident(STRIKE, "/p", false), new TypeReference<>() { });
        assertThat(strike.killed()).isEqualTo(2);
        assertThat(strike.evidence()).extracting(e -> e.quote()).containsExactly("Iran struck.");

        List<Incident> ofDyad = read(queries.incidents("IRN-PAK", "2024-01-17", "2024-01-18", false, "/p", false), new TypeReference<>() { });
        assertThat(ofDyad).extracting(Incident::id).containsExactly(STRIKE);

        List<Incident> all = read(queries.incidents(null, null, null, false, "/p", false), new TypeReference<>() { });
        assertThat(all).extracting(Incident::id).containsExactly(STRIKE, "GRC-TUR.consult.2024-01-20.GRC");
        assertThat(relayed).containsExactly("other-host:8083 /api/v1/incidents?scope=local");
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedInputIsABadRequest() {
        assertThatThrownBy(() -> queries.incident("IRN-PAK.assault.1999-01-01", "/p", false))
                .isInstanceOfSatisfying(QueryProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> queries.incident("nonsense", "/p", false))
                .isInstanceOfSatisfying(QueryProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> queries.indicators("IRAN-PAK", null, null, null, "/p", false))
                .isInstanceOfSatisfying(QueryProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> queries.incidents(null, "yesterday", null, false, "/p", false))
                .isInstanceOfSatisfying(QueryProblem.class, p -> assertThat(p.getMessage()).contains("from must be a date"));
    }
}
