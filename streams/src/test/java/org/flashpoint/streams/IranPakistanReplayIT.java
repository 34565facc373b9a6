package org.flashpoint.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.flashpoint.streams.offline.OfflinePipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The January 2024 Iran–Pakistan crisis replayed through the real analyzer and a real broker: three separate
 * incidents, each with its outlets merged, and a tension series that rises mid-January and falls by its end.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IranPakistanReplayIT {

    private static final Dyad IRN_PAK = Dyad.of("IRN", "PAK");

    @TempDir
    Path stateDir;

    @Test
    void theCrisisGivesThreeMergedIncidentsAndATensionSeriesThatRisesThenFalls(KafkaBrokerExtension.KafkaBroker broker)
            throws Exception {
        StreamsSettings settings = StreamsSettings.defaults(broker.bootstrapServers())
                .withApplicationId("irn-pak-replay").withTopicPrefix("irn-pak-replay.").withStateDir(stateDir);
        Analyzer analyzer = Analyzer.loadDefault();
        ReplayHarness.createReplayTopics(settings, 1);
        ReplayHarness.produce(broker.bootstrapServers(), settings.topic(Topics.ARTICLES).name(), ReplayHarness.iranPakistanCorpus());
        try (StreamsRunner runner = StreamsRunner.start(settings, analyzer::analyze)) {
            ReplayHarness.awaitProcessed(settings, Duration.ofMinutes(3));
        }
        List<Incident> updates = ReplayHarness.values(broker.bootstrapServers(), settings.topic(Topics.INCIDENTS).name(), Incident.class);
        List<DyadIndicator> indicators = ReplayHarness.values(broker.bootstrapServers(), settings.topic(Topics.INDICATORS).name(), DyadIndicator.class);

        Map<String, Incident> incidents = new LinkedHashMap<>();
        updates.stream().filter(i -> i.dyad().equals(IRN_PAK)).forEach(i -> incidents.put(i.id(), i));
        incidents.values().forEach(i -> System.out.printf("incident %-40s %s %s killed=%s independent=%d articles=%s%n",
                i.id(), i.direction(), i.eventDate(), i.killed(), i.independentSources(), i.articles()));
        Map<LocalDate, Double> daily = series(indicators, Duration.ofDays(1));
        Map<LocalDate, Double> weekly = series(indicators, Duration.ofDays(7));
        daily.forEach((day, tension) -> System.out.printf("IRN-PAK P1D %s tension=%.4f%n", day, tension));
        weekly.forEach((day, tension) -> System.out.printf("IRN-PAK P7D from %s tension=%.4f%n", day, tension));

        Incident iranStrike = assault(incidents, "Iran's 16 Jan strike", "2024-01-16", "2024-01-17", Set.of("d-001", "d-002", "d-003"));
        Incident pakistanStrike = assault(incidents, "Pakistan's 18 Jan strike", "2024-01-18", "2024-01-18", Set.of("d-004", "d-005", "d-006"));
        Incident killings = assault(incidents, "the 27 Jan Saravan killings", "2024-01-27", "2024-01-28", Set.of("d-010", "d-011"));
        assertThat(Set.of(iranStrike.id(), pakistanStrike.id(), killings.id())).as("three separate incidents").hasSize(3);
        assertThat(iranStrike.sources()).contains("nbcnews.com", "cbc.ca", "anews.com.tr");
        assertThat(pakistanStrike.sources()).contains("sputnikglobe.com", "peoplesdispatch.org", "abc7.com");
        assertThat(killings.sources()).contains("dailypakistan.com.pk", "lokmattimes.com");

        double before = daily.entrySet().stream().filter(e -> e.getKey().isBefore(LocalDate.parse("2024-01-16")))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        double peak = daily.entrySet().stream().filter(between("2024-01-16", "2024-01-19"))
                .mapToDouble(Map.Entry::getValue).max().orElseThrow();
        Map.Entry<LocalDate, Double> endOfJanuary = daily.entrySet().stream().filter(between("2024-01-25", "2024-01-31"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(peak).as("mid-January tension rises above zero and above anything earlier").isPositive().isGreaterThan(before);
        assertThat(endOfJanuary.getValue()).as("tension on " + endOfJanuary.getKey() + " has fallen below half the peak")
                .isLessThan(peak / 2);

        // The offline pipeline is the same code: it must tell the same story.
        OfflinePipeline.Result offline = OfflinePipeline.of(analyzer::analyze, settings).run(ReplayHarness.iranPakistanCorpus());
        assertThat(offline.incidents()).containsExactlyInAnyOrderElementsOf(updates);
        assertThat(offline.indicators()).containsExactlyInAnyOrderElementsOf(indicators);
    }

    private static Predicate<Map.Entry<LocalDate, Double>> between(String first, String last) {
        return e -> !e.getKey().isBefore(LocalDate.parse(first)) && !e.getKey().isAfter(LocalDate.parse(last));
    }

    /** The armed attack dated in [from, to] that every one of {@code reports} was merged into. */
    private static Incident assault(Map<String, Incident> incidents, String what, String from, String to, Set<String> reports) {
        List<Incident> matching = incidents.values().stream()
                .filter(i -> i.kind().equals("assault"))
                .filter(i -> !i.eventDate().isBefore(LocalDate.parse(from)) && !i.eventDate().isAfter(LocalDate.parse(to)))
                .filter(i -> i.articles().containsAll(reports))
                .toList();
        assertThat(matching).as(what + ": one incident dated " + from + ".." + to + " merging " + reports
                + "; IRN-PAK incidents were " + incidents.values().stream()
                .map(i -> i.id() + "=" + i.articles()).collect(Collectors.joining(", "))).hasSize(1);
        return matching.get(0);
    }

    /** Tension of each window of {@code size}, latest value per window start, by start date. */
    private static Map<LocalDate, Double> series(List<DyadIndicator> indicators, Duration size) {
        Map<Instant, Double> latest = new TreeMap<>();
        indicators.stream().filter(i -> i.dyad().equals(IRN_PAK) && i.window().equals(size))
                .forEach(i -> latest.put(i.windowStart(), i.tension()));
        Map<LocalDate, Double> byDay = new TreeMap<>();
        latest.forEach((start, tension) -> byDay.put(LocalDate.ofInstant(start, java.time.ZoneOffset.UTC), tension));
        return byDay;
    }
}
