package org.flashpoint.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Alert.State;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Evidence;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance replay of issue 7, offline: the January–April 2024 Iran–Pakistan articles of the development corpus
 * (d-001 … d-016), read as {@code flashpoint replay} reads them, through the real analysis and the default rules.
 */
class DevCorpusBacktestTest {

    private static final Dyad IRN_PAK = Dyad.of("IRN", "PAK");
    private static final Path DEV = Path.of(System.getProperty("flashpoint.shared", "../../shared"), "corpus", "dev");

    private static Timeline timeline;

    private static List<Path> files(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> DEV.resolve(String.format("d-%03d.json", i))).toList();
    }

    private static Timeline backtest() {
        CorpusBatch corpus = Corpus.read(files(1, 16), Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(corpus.rejected()).isEmpty();
        assertThat(corpus.articles()).hasSize(16);
        return new Backtest(RuleSet.loadDefault(), Analyzer.loadDefault()::analyze).run(corpus.articles());
    }

    @BeforeAll
    static void replay() {
        timeline = backtest();
        System.out.println(timeline.table());
    }

    /** The URLs of corpus files, which the notices' evidence links to. */
    private static List<String> urls(int from, int to) {
        return files(from, to).stream().map(f -> {
            try {
                return Json.mapper().readTree(f.toFile()).get("url").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<Alert> irnPak(String rule) {
        return timeline.notices().stream().map(AlertNotice::data)
                .filter(a -> a.dyad().equals(IRN_PAK) && a.rule().equals(rule)).toList();
    }

    @Test
    void the_16_to_18_january_strikes_raise_an_iran_pakistan_alert_quoting_their_reports() {
        Alert raised = irnPak("tension-week").get(0);

        assertThat(raised.state()).isIn(State.FIRING, State.PENDING);
        assertThat(raised.startsAt()).isBetween(Instant.parse("2024-01-16T00:00:00Z"), Instant.parse("2024-01-18T23:59:59Z"));
        assertThat(raised.incidents()).flatMap(Incident::evidence).extracting(Evidence::url)
                .containsAnyElementsOf(urls(1, 6));
    }

    @Test
    void the_alert_resolves_once_the_de_escalation_of_22_to_29_january_has_held_and_before_april() {
        List<Alert> episode = irnPak("tension-week");
        Alert resolved = episode.stream().filter(a -> a.state() == State.RESOLVED).findFirst().orElseThrow();

        assertThat(resolved.alertId()).isEqualTo(episode.get(0).alertId());
        assertThat(resolved.endsAt()).isBetween(Instant.parse("2024-01-24T00:00:00Z"), Instant.parse("2024-04-09T00:00:00Z"));
    }

    @Test
    void the_27_january_killings_are_on_the_timeline_as_a_border_incident() {
        assertThat(timeline.borderIncidents()).filteredOn(i -> i.dyad().equals(IRN_PAK)).anySatisfy(i -> {
            assertThat(i.eventDate()).isBetween(LocalDate.parse("2024-01-26"), LocalDate.parse("2024-01-28"));
            assertThat(i.evidence()).extracting(Evidence::url).containsAnyElementsOf(urls(10, 11));
        });
    }

    @Test
    void the_27_january_killings_raise_the_deadly_border_incident_alert_quoting_their_reports() {
        assertThat(irnPak("deadly-border-incident")).anySatisfy(a -> {
            assertThat(a.state()).isEqualTo(State.FIRING);
            assertThat(a.startsAt()).isBetween(Instant.parse("2024-01-27T00:00:00Z"), Instant.parse("2024-01-28T23:59:59Z"));
            assertThat(a.incidents()).flatMap(Incident::evidence).extracting(Evidence::url).containsAnyElementsOf(urls(10, 11));
        });
    }

    @Test
    void no_iran_pakistan_alert_is_left_open_at_the_end() {
        assertThat(timeline.openAtEnd()).noneMatch(a -> a.dyad().equals(IRN_PAK));
    }

    @Test
    void the_april_state_visit_raises_nothing() {
        assertThat(timeline.notices()).map(AlertNotice::data)
                .filteredOn(a -> !a.updatedAt().isBefore(Instant.parse("2024-04-01T00:00:00Z")))
                .allMatch(a -> a.state() == State.RESOLVED);
    }

    @Test
    void a_second_run_prints_the_same_timeline_byte_for_byte() {
        assertThat(backtest().ndjson()).isEqualTo(timeline.ndjson());
    }
}
