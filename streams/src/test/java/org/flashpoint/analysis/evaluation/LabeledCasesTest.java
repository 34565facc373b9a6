package org.flashpoint.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledCasesTest {

    @TempDir
    Path dir;

    @Test
    void aLabeledJsonFileBecomesAnArticleAndItsExpectedAnswer() throws IOException {
        Files.writeString(dir.resolve("x-1.json"), """
                {"id": "x-1", "url": null, "source": "example.org", "published": "2024-01-17", "title": "T",
                 "text": "Body.", "dyads": [["PAK", "IRN"]], "labels": {"escalation": true, "de_escalation": false,
                 "border_incident": true, "diplomatic_visit": false}, "direction": "ESCALATION", "killed": 2, "notes": "n"}
                """);
        LabeledCase c = LabeledCases.readDirectory(dir).get(0);
        assertThat(c.id()).isEqualTo("x-1");
        assertThat(c.article().published()).isEqualTo(Instant.parse("2024-01-17T00:00:00Z"));
        assertThat(c.article().title()).isEqualTo("T");
        assertThat(c.dyads()).containsExactly(Dyad.of("IRN", "PAK"));
        assertThat(c.labels().borderIncident()).isTrue();
        assertThat(c.direction()).isEqualTo(Direction.ESCALATION);
        assertThat(c.killed()).isEqualTo(2);
        assertThat(c.negative()).isFalse();
    }

    @Test
    void aMissingDateIsMarkedAsUnknown() throws IOException {
        Files.writeString(dir.resolve("x-2.json"), "{\"id\":\"x-2\",\"published\":null,\"text\":\"t\",\"dyads\":[],\"direction\":\"NEUTRAL\"}");
        LabeledCase c = LabeledCases.readJson(dir.resolve("x-2.json"));
        assertThat(c.article().timeSource()).isEqualTo(Article.TimeSource.INGEST_TIME);
        assertThat(c.negative()).isTrue();
    }

    @Test
    void aManifestNamesTheTextFiles() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Article text");
        Files.writeString(dir.resolve("manifest.jsonl"), "{\"file\":\"a.txt\",\"id\":\"s-1\",\"published\":\"2024-01-30\",\"title\":null,"
                + "\"dyads\":[[\"IRN\",\"PAK\"]],\"labels\":{\"de_escalation\":true},\"direction\":\"DE_ESCALATION\",\"killed\":null}\n");
        LabeledCase c = LabeledCases.readDirectory(dir).get(0);
        assertThat(c.article().text()).isEqualTo("Article text");
        assertThat(c.labels().deEscalation()).isTrue();
        assertThat(c.file()).endsWith("manifest.jsonl:1");
    }

    @Test
    void aBadDateNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"id\":\"b\",\"text\":\"t\",\"published\":\"17/01/2024\"}");
        assertThatThrownBy(() -> LabeledCases.readJson(dir.resolve("bad.json"))).hasMessageContaining("bad.json").hasMessageContaining("17/01/2024");
    }
}
