package org.flashpoint.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules file: the bundled defaults load as documented, and every bad file in {@code rules/bad/} fails with the
 * line, field and message its first line expects ({@code # expect: LINE | FIELD | MESSAGE}).
 */
class RuleFileTest {

    @Test
    void the_default_rules_load_with_a_threshold_a_spike_and_a_border_incident_rule() {
        RuleSet rules = RuleSet.loadDefault();

        assertThat(rules.evaluationInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(rules.rules()).extracting(Rule::name)
                .containsExactly("tension-week", "tension-spike", "deadly-border-incident");
        ThresholdRule week = (ThresholdRule) rules.rules().get(0);
        assertThat(week.indicator()).isEqualTo(Indicator.TENSION);
        assertThat(week.window()).isEqualTo(Duration.ofDays(7));
        assertThat(week.raiseAbove()).isEqualTo(10.0);
        assertThat(week.resolveBelow()).isEqualTo(2.0);
        assertThat(week.criticalAbove()).isEqualTo(30.0);
        assertThat(week.common().quietPeriod()).isEqualTo(Duration.ofDays(2));
        assertThat(week.common().severity()).isEqualTo(Severity.WARNING);
        SpikeRule spike = (SpikeRule) rules.rules().get(1);
        assertThat(spike.common().forDuration()).isEqualTo(Duration.ofHours(12));
        assertThat(spike.minTension()).isEqualTo(5.0);
        IncidentRule border = (IncidentRule) rules.rules().get(2);
        assertThat(border.border()).isTrue();
        assertThat(border.kinds()).containsExactlyInAnyOrder("assault", "fight");
        assertThat(border.direction()).isEqualTo(Direction.ESCALATION);
        assertThat(border.independentSourcesAtLeast()).isEqualTo(2);
        assertThat(border.criticalKilledAtLeast()).isEqualTo(10);
        assertThat(rules.lookback()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void a_rule_file_with_every_field_reads_each_of_them() {
        RuleSet rules = RuleFile.parse("inline.yaml", """
                evaluation_interval: PT30M
                rules:
                  - name: india-pakistan-deaths
                    kind: incident
                    description: any deaths between India and Pakistan
                    dyads: [IND-PAK, "PAK-*"]
                    severity: critical
                    for: PT1H
                    quiet_period: 3d
                    within: 36h
                    kinds: [assault, fight]
                    direction: any
                    border: false
                    killed_at_least: 1
                    independent_sources_at_least: 3
                    critical_killed_at_least: 2
                    top_incidents: 5
                """);

        IncidentRule rule = (IncidentRule) rules.rules().get(0);
        assertThat(rules.evaluationInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.common().description()).isEqualTo("any deaths between India and Pakistan");
        assertThat(rule.appliesTo(Dyad.of("PAK", "IND"))).isTrue();
        assertThat(rule.appliesTo(Dyad.of("AFG", "PAK"))).isTrue();
        assertThat(rule.appliesTo(Dyad.of("IRN", "IRQ"))).isFalse();
        assertThat(rule.common().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rule.common().forDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(rule.common().quietPeriod()).isEqualTo(Duration.ofDays(3));
        assertThat(rule.within()).isEqualTo(Duration.ofHours(36));
        assertThat(rule.kinds()).containsExactlyInAnyOrder("assault", "fight");
        assertThat(rule.direction()).isNull();
        assertThat(rule.killedAtLeast()).isEqualTo(1);
        assertThat(rule.independentSourcesAtLeast()).isEqualTo(3);
        assertThat(rule.topIncidents()).isEqualTo(5);
    }

    @Test
    void a_missing_file_fails_naming_the_file() {
        assertThatThrownBy(() -> RuleSet.load(Path.of("no-such-rules.yaml")))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("no-such-rules.yaml: cannot read");
    }

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(RuleFileTest.class.getResource("bad").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.sorted().toList();
            assertThat(sorted).hasSizeGreaterThan(10);
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_bad_rule_file_fails_at_load_naming_file_line_and_field(Path file) throws IOException {
        String[] expected = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "").split(" \\| ");
        int line = Integer.parseInt(expected[0]);
        String field = expected[1].equals("-") ? null : expected[1];

        assertThatThrownBy(() -> RuleSet.load(file))
                .isInstanceOfSatisfying(RuleFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.field()).as("field").isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(expected[2]);
                });
    }
}
