package org.flashpoint.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.onIncident;
import static org.flashpoint.alerts.Fixtures.onIndicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flashpoint.alerts.Fixtures;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.DyadIndicator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule timelines as files, in the manner of promtool's rule unit tests: each file under {@code timelines/} feeds the
 * default rules a sequence of IRN-PAK inputs and lists every notice that must come out, exactly and in order.
 */
class TimelineFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> timelines() throws IOException, URISyntaxException {
        Path dir = Path.of(TimelineFileTest.class.getResource("/org/flashpoint/alerts/timelines").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.sorted().toList();
            assertThat(sorted).isNotEmpty();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void the_default_rules_produce_exactly_the_notices_the_timeline_file_expects(Path file) throws IOException {
        JsonNode doc = YAML.readTree(file.toFile());
        AlertEngine engine = new AlertEngine(RuleSet.loadDefault());
        InMemoryAlertStore store = new InMemoryAlertStore();
        List<String> notices = new ArrayList<>();

        for (JsonNode input : doc.get("inputs")) {
            List<Alert> changes = new ArrayList<>();
            if (input.has("advance")) {
                changes.addAll(engine.advance(store, IRN_PAK, Instant.parse(input.get("advance").asText())));
            } else {
                Instant at = Instant.parse(input.get("at").asText());
                for (DyadIndicator window : windows(input, at)) {
                    changes.addAll(onIndicator(engine, store, window, at));
                }
                if (input.has("incident")) {
                    JsonNode i = input.get("incident");
                    changes.addAll(onIncident(engine, store, Fixtures.incident(i.get(0).asText(), Instant.parse(i.get(4).asText()),
                            at, i.get(1).asBoolean(), i.get(2).asInt(), i.get(3).asInt()), at));
                }
            }
            changes.forEach(a -> notices.add(a.updatedAt() + " " + a.rule() + " " + a.state() + " "
                    + a.severity().name().toLowerCase(Locale.ROOT)));
        }

        List<String> expected = new ArrayList<>();
        doc.get("expect").forEach(e -> expected.add(e.asText()));
        assertThat(notices).containsExactlyElementsOf(expected);
    }

    private static List<DyadIndicator> windows(JsonNode input, Instant at) {
        if (input.has("week")) {
            return Fixtures.weeks(IRN_PAK, at, input.get("week").get(0).asDouble(), input.get("week").get(1).asDouble());
        }
        if (input.has("day")) {
            return List.of(Fixtures.day(IRN_PAK, at, input.get("day").get(0).asDouble(), input.get("day").get(1).asDouble()));
        }
        return List.of();
    }
}
