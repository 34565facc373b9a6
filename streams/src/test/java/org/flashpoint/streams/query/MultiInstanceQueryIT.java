package org.flashpoint.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Labels;
import org.flashpoint.contracts.Modality;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.ports.LoopbackPorts;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.streams.Fixtures;
import org.flashpoint.streams.ReplayHarness;
import org.flashpoint.streams.StreamsRunner;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.topology.FlashpointTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two instances share the work; each answers every question, relaying to the owner of the dyad when needed. */
@ExtendWith(KafkaBrokerExtension.class)
class MultiInstanceQueryIT {

    private static final List<String> STATES = List.of("ARG", "BRA", "CHL", "DEU", "EGY", "FRA", "GRC", "HUN", "IND");

    @TempDir
    Path stateDir;

    /** Article n reports a clash between two states named in its title. */
    private static ClassifiedArticle analyse(Article article) {
        String[] pair = article.title().split(" ");
        EventMention clash = new EventMention("assault", pair[0], pair[1], Dyad.of(pair[0], pair[1]), 0, 0, 7, "Clash.", "clash",
                null, Modality.ASSERTED, 0.9, -7, null, null, null);
        return new ClassifiedArticle(article.id(), article.title(), article.source(), article.url(), article.published(),
                List.of(Dyad.of(pair[0], pair[1])), Labels.NONE, Direction.ESCALATION, null, List.of(clash), "test");
    }

    /** Asks until the answer is not 503: right after a rebalance, tasks may still be moving between the instances. */
    private static HttpResponse<String> getWhenAvailable(HttpClient http, String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void everyInstanceAnswersForEveryDyadByRelayingToItsOwner(KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        StreamsSettings base = StreamsSettings.defaults(broker.bootstrapServers())
                .withApplicationId("multi-instance").withTopicPrefix("multi-instance.");
        ReplayHarness.createReplayTopics(base, 4);
        List<Article> articles = new ArrayList<>();
        List<String> dyads = new ArrayList<>();
        for (int i = 0; i + 1 < STATES.size(); i++) {
            Instant time = Instant.parse("2024-03-01T00:00:00Z").plus(Duration.ofHours(i));
            Article article = Fixtures.article("m-" + i, "outlet" + i, time, Fixtures.text(i));
            articles.add(new Article(article.id(), article.source(), article.url(), STATES.get(i) + " " + STATES.get(i + 1),
                    article.text(), List.of(), "en", time, Article.TimeSource.PUBLISHED, time, "test", null));
            dyads.add(Dyad.of(STATES.get(i), STATES.get(i + 1)).toString());
        }
        ReplayHarness.produce(broker.bootstrapServers(), base.topic(Topics.ARTICLES).name(), articles);

        List<AutoCloseable> closing = new ArrayList<>();
        List<Integer> ports = List.of(LoopbackPorts.freePort(), LoopbackPorts.freePort());
        List<StreamsRunner> runners = new ArrayList<>();
        try {
            for (int n = 0; n < 2; n++) {
                StreamsSettings settings = base.withApplicationServer("localhost:" + ports.get(n)).withStateDir(stateDir.resolve("i" + n));
                StreamsRunner runner = StreamsRunner.start(settings, MultiInstanceQueryIT::analyse);
                runners.add(runner);
                closing.add(runner);
                ApplicationContext context = ApplicationContext.builder().environments("streams")
                        .properties(Map.of("micronaut.server.port", ports.get(n), "flashpoint.streams.enabled", false))
                        .singletons(new InteractiveQueries(new KafkaStateAccess(runner.streams(), settings.applicationServer()),
                                new Forwarder(), List.of(Duration.ofDays(1))))
                        .start();
                context.getBean(EmbeddedServer.class).start();
                closing.add(context);
            }
            ReplayHarness.awaitProcessed(base, Duration.ofMinutes(2));
            for (StreamsRunner runner : runners) {
                assertThat(runner.awaitRunning(Duration.ofMinutes(1))).isTrue();
            }
            List<String> owners = new ArrayList<>();
            for (String dyad : dyads) {
                KeyQueryMetadata owner = runners.get(0).streams()
                        .queryMetadataForKey(FlashpointTopology.DYADS_STORE, dyad, Serdes.String().serializer());
                owners.add(owner.activeHost().port() == ports.get(0) ? "first" : "second");
            }
            assertThat(owners).as("the dyads are spread over both instances").contains("first", "second");

            HttpClient http = HttpClient.newHttpClient();
            for (String dyad : dyads) {
                List<String> answers = new ArrayList<>();
                for (int port : ports) {
                    HttpResponse<String> response = getWhenAvailable(http, "http://localhost:" + port + "/api/v1/incidents?dyad=" + dyad);
                    assertThat(response.statusCode()).as(dyad + " on port " + port + ": " + response.body()).isEqualTo(200);
                    answers.add(response.body());
                }
                assertThat(Json.mapper().readValue(answers.get(0), Incident[].class)).as(dyad).hasSize(1);
                assertThat(answers.get(1)).as(dyad + ": both instances give the owner's answer").isEqualTo(answers.get(0));
            }
            for (int port : ports) {
                HttpResponse<String> all = getWhenAvailable(http, "http://localhost:" + port + "/api/v1/dyads");
                assertThat(Json.mapper().readValue(all.body(), DyadSummary[].class)).extracting(DyadSummary::key)
                        .as("every dyad listed by the instance on " + port).containsExactlyElementsOf(dyads.stream().sorted().toList());
            }
        } finally {
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
        }
    }
}
