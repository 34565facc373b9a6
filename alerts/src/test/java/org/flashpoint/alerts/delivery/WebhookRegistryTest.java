package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookRegistryTest {

    private static final String SECRET = "whsec_Zmxhc2hwb2ludC13ZWJob29rLXRlc3Qta2V5LTAwMDE=";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void a_yaml_file_gives_subscriptions_with_their_filters_and_defaults_and_silences() throws Exception {
        WebhookRegistry registry = WebhookRegistry.load(file("hooks.yaml", """
                # ops on-call
                webhooks:
                  - id: pager
                    url: https://hooks.example.org/flashpoint
                    secret: %s
                    dyads: [irn-*]
                    minSeverity: CRITICAL
                    states: [FIRING]
                  - id: archive
                    url: http://127.0.0.1:9999/all
                    secret: %s
                silences:
                  - id: drill
                    dyads: [IND-PAK]
                    until: 2030-01-01T00:00:00Z
                """.formatted(SECRET, SECRET)));

        assertThat(registry.subscriptions()).extracting(Subscription::id).containsExactly("archive", "pager");
        Subscription pager = registry.subscription("pager").orElseThrow();
        assertThat(pager.dyads()).containsExactly("IRN-*");
        assertThat(pager.minSeverity()).isEqualTo(Alert.Severity.CRITICAL);
        assertThat(pager.states()).isEqualTo(Set.of(Alert.State.FIRING));
        Subscription archive = registry.subscription("archive").orElseThrow();
        assertThat(archive.dyads()).containsExactly("*");
        assertThat(archive.states()).containsExactlyInAnyOrder(Alert.State.values());
        assertThat(registry.silences()).extracting(s -> s.id()).containsExactly("drill");
    }

    @Test
    void a_json_file_reads_the_same() throws Exception {
        WebhookRegistry registry = WebhookRegistry.load(file("hooks.json",
                "{\"webhooks\":[{\"id\":\"a\",\"url\":\"http://127.0.0.1:1/x\",\"secret\":\"" + SECRET + "\"}]}"));

        assertThat(registry.subscriptions()).extracting(Subscription::id).containsExactly("a");
    }

    @Test
    void a_bad_entry_fails_naming_the_file_the_line_and_the_field() throws Exception {
        Path bad = file("bad.yaml", """
                webhooks:
                  - id: ok
                    url: http://127.0.0.1:1/x
                    secret: %s
                    minSeverity: LOUD
                """.formatted(SECRET));

        assertThatThrownBy(() -> WebhookRegistry.load(bad))
                .hasMessageContaining("bad.yaml line 5")
                .hasMessageContaining("minSeverity");
    }

    @Test
    void an_invalid_secret_or_an_unknown_field_or_a_repeated_id_is_refused_with_the_file_name() throws Exception {
        Path noPrefix = file("secret.yaml", "webhooks:\n  - id: a\n    url: http://127.0.0.1:1/x\n    secret: hunter2\n");
        Path unknown = file("unknown.yaml", "webhooks:\n  - id: a\n    url: http://127.0.0.1:1/x\n    secret: " + SECRET + "\n    colour: red\n");
        Path twice = file("twice.yaml", "webhooks:\n  - {id: a, url: 'http://127.0.0.1:1/x', secret: " + SECRET + "}\n"
                + "  - {id: a, url: 'http://127.0.0.1:1/y', secret: " + SECRET + "}\n");

        assertThatThrownBy(() -> WebhookRegistry.load(noPrefix)).hasMessageContaining("secret.yaml line").hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookRegistry.load(unknown)).hasMessageContaining("unknown.yaml line").hasMessageContaining("webhooks[0].colour");
        assertThatThrownBy(() -> WebhookRegistry.load(twice)).hasMessageContaining("twice.yaml").hasMessageContaining("'a' appears twice");
    }

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static Subscription hook(String id) {
        return new Subscription(id, URI.create("http://127.0.0.1:1/" + id), SECRET, null, null, null);
    }

    @Test
    void api_changes_are_journaled_before_they_apply_and_a_failed_write_changes_nothing() {
        WebhookRegistry registry = new WebhookRegistry();
        List<String> journal = new ArrayList<>();
        registry.journalTo((key, entry) -> journal.add(key + (entry == null ? " removed" : " " + Json.writeString(entry))));
        SilenceEntry drill = new SilenceEntry("drill", List.of("ind-pak"), null, LATER, "exercise", "duty officer");

        registry.add(hook("a"));
        registry.addSilence(drill);
        registry.remove("a");
        registry.journalTo((key, entry) -> {
            throw new WebhookRegistry.Unavailable("Kafka is down", null);
        });

        assertThat(journal).containsExactly(
                "webhook:a " + Json.writeString(hook("a")), "silence:drill " + Json.writeString(drill), "webhook:a removed");
        assertThatThrownBy(() -> registry.add(hook("b"))).isInstanceOf(WebhookRegistry.Unavailable.class);
        assertThatThrownBy(() -> registry.removeSilence("drill")).isInstanceOf(WebhookRegistry.Unavailable.class);
        assertThat(registry.subscriptions()).isEmpty();
        assertThat(registry.silenceEntries()).containsExactly(drill);
        assertThat(registry.silences()).extracting(s -> s.id()).containsExactly("drill");
    }

    @Test
    void journal_entries_restore_subscriptions_and_silences_and_tombstones_remove_them() {
        WebhookRegistry registry = new WebhookRegistry();
        SilenceEntry drill = new SilenceEntry("drill", List.of("IND-PAK"), "tension-spike", LATER, "exercise", null);

        registry.restore("webhook:a", Json.write(hook("a")));
        registry.restore("webhook:b", Json.write(hook("b")));
        registry.restore("silence:drill", Json.write(drill));
        registry.restore("webhook:a", null);

        assertThat(registry.subscriptions()).containsExactly(hook("b"));
        assertThat(registry.silenceEntries()).containsExactly(drill);
        assertThat(registry.silences()).singleElement().satisfies(s -> assertThat(s.rule()).isEqualTo("tension-spike"));
        registry.restore("silence:drill", null);
        assertThat(registry.silences()).isEmpty();
        assertThatThrownBy(() -> registry.restore("colour:red", new byte[] {'{', '}'})).hasMessageContaining("colour:red");
        assertThatThrownBy(() -> registry.restore("webhook:c", "{\"id\":\"c\"}".getBytes())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void entries_of_the_file_win_over_the_journal_and_cannot_be_removed_through_the_api() throws Exception {
        WebhookRegistry registry = WebhookRegistry.load(file("hooks.yaml", """
                webhooks:
                  - {id: pager, url: 'https://hooks.example.org/flashpoint', secret: %s}
                silences:
                  - {id: drill, dyads: [IND-PAK], until: 2030-01-01T00:00:00Z, comment: exercise, createdBy: ops}
                """.formatted(SECRET)));
        Subscription fromFile = registry.subscription("pager").orElseThrow();

        registry.restore("webhook:pager", Json.write(hook("pager")));
        registry.restore("silence:drill", null);

        assertThat(registry.subscription("pager")).contains(fromFile);
        assertThat(registry.silence("drill")).hasValueSatisfying(s -> assertThat(s.createdBy()).isEqualTo("ops"));
        assertThat(registry.add(hook("pager"))).isFalse();
        assertThatThrownBy(() -> registry.remove("pager")).isInstanceOf(WebhookRegistry.DefinedInFile.class)
                .hasMessageContaining("webhooks file");
        assertThatThrownBy(() -> registry.removeSilence("drill")).isInstanceOf(WebhookRegistry.DefinedInFile.class);
    }

    @Test
    void a_silence_without_dyads_or_until_or_with_a_repeated_id_is_refused_with_the_file_name() throws Exception {
        Path noDyads = file("nodyads.yaml", "silences:\n  - {id: s, until: 2030-01-01T00:00:00Z}\n");
        Path noUntil = file("nountil.yaml", "silences:\n  - {id: s, dyads: [IND-PAK]}\n");
        Path twice = file("twice.yaml", "silences:\n  - {id: s, dyads: [IND-PAK], until: 2030-01-01T00:00:00Z}\n"
                + "  - {id: s, dyads: [IRN-*], until: 2030-01-01T00:00:00Z}\n");

        assertThatThrownBy(() -> WebhookRegistry.load(noDyads)).hasMessageContaining("nodyads.yaml line").hasMessageContaining("needs dyads");
        assertThatThrownBy(() -> WebhookRegistry.load(noUntil)).hasMessageContaining("nountil.yaml line").hasMessageContaining("needs until");
        assertThatThrownBy(() -> WebhookRegistry.load(twice)).hasMessageContaining("twice.yaml").hasMessageContaining("'s' appears twice");
    }
}
