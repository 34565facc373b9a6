package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
}
