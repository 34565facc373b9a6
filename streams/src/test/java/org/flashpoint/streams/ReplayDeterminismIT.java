package org.flashpoint.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class ReplayDeterminismIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path stateDir;

    /** Key, value and timestamp of every record, per partition, as text for a readable diff. */
    private static List<String> log(Map<Integer, List<ConsumerRecord<byte[], byte[]>>> records) {
        List<String> lines = new ArrayList<>();
        records.forEach((partition, list) -> list.forEach(r -> lines.add(partition + " " + r.timestamp() + " "
                + new String(r.key(), java.nio.charset.StandardCharsets.UTF_8) + " "
                + new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))));
        return lines;
    }

    private List<List<String>> replay(KafkaBrokerExtension.KafkaBroker broker, Analyzer analyzer, List<Article> log) throws Exception {
        String run = "det-" + UUID.randomUUID().toString().substring(0, 8);
        StreamsSettings settings = StreamsSettings.defaults(broker.bootstrapServers())
                .withApplicationId(run).withTopicPrefix(run + ".").withStateDir(stateDir.resolve(run));
        ReplayHarness.createReplayTopics(settings, 1);
        ReplayHarness.produce(broker.bootstrapServers(), settings.topic(Topics.ARTICLES).name(), log);
        try (StreamsRunner runner = StreamsRunner.start(settings, analyzer::analyze)) {
            ReplayHarness.awaitProcessed(settings, TIMEOUT);
        }
        return List.of(log(ReplayHarness.readAll(broker.bootstrapServers(), settings.topic(Topics.INCIDENTS).name())),
                log(ReplayHarness.readAll(broker.bootstrapServers(), settings.topic(Topics.INDICATORS).name())),
                log(ReplayHarness.readAll(broker.bootstrapServers(), settings.topic(Topics.DYAD_UPDATES).name())));
    }

    @Test
    void replayingTheSameLogIntoTwoFreshApplicationsGivesByteIdenticalIncidentsAndIndicators(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        Analyzer analyzer = Analyzer.loadDefault();
        List<Article> log = ReplayHarness.iranPakistanCorpus();

        List<List<String>> first = replay(broker, analyzer, log);
        List<List<String>> second = replay(broker, analyzer, log);

        assertThat(first.get(0)).as("incidents").isNotEmpty();
        assertThat(first.get(1)).as("indicators").isNotEmpty();
        assertThat(second.get(0)).as("incidents").containsExactlyElementsOf(first.get(0));
        assertThat(second.get(1)).as("indicators").containsExactlyElementsOf(first.get(1));
        assertThat(first.get(2)).as("dyad.updates").isNotEmpty();
        assertThat(second.get(2)).as("dyad.updates").containsExactlyElementsOf(first.get(2));
    }
}
