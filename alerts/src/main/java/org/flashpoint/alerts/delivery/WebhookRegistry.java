package org.flashpoint.alerts.delivery;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.flashpoint.alerts.lifecycle.Silence;
import org.flashpoint.alerts.rules.DyadMatcher;

/**
 * The webhook subscriptions and silences of this process: loaded from a file at start, changed through the API.
 * API changes live in memory only; the file is the durable configuration.
 *
 * <p>File format (YAML, or JSON, which YAML reads too):
 * <pre>
 * webhooks:
 *   - id: ops-pager
 *     url: https://hooks.example.org/flashpoint
 *     secret: whsec_...           # base64 of at least 16 random bytes
 *     dyads: [IRN-*]               # optional, every dyad when absent
 *     minSeverity: WARNING         # optional, INFO when absent
 *     states: [FIRING, UPGRADED]   # optional, every state when absent
 * silences:
 *   - id: maintenance
 *     dyads: [IND-PAK]
 *     rule: tension-spike          # optional, every rule when absent
 *     until: 2026-12-01T00:00:00Z
 *     comment: known exercise
 * </pre>
 */
public final class WebhookRegistry {

    // Strict like the payload mapper: unknown fields and missing primitives are errors, not silently ignored.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Subscription> subscriptions = new ConcurrentSkipListMap<>();
    private final List<Silence> silences = new CopyOnWriteArrayList<>();

    /** One silence as written in the file. */
    record SilenceEntry(String id, List<String> dyads, String rule, Instant until, String comment) {
        Silence toSilence() {
            return new Silence(id, new DyadMatcher(dyads == null ? List.of() : dyads), rule, until, comment);
        }
    }

    record FileContent(List<Subscription> webhooks, List<SilenceEntry> silences) {
    }

    /** Reads a subscriptions file; a bad file fails naming the file, the line and the field. */
    public static WebhookRegistry load(Path file) {
        FileContent content;
        try {
            content = YAML.readValue(Files.readString(file), FileContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(file, e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read webhooks file " + file, e);
        }
        WebhookRegistry registry = new WebhookRegistry();
        if (content == null) {
            return registry;
        }
        for (Subscription s : content.webhooks() == null ? List.<Subscription>of() : content.webhooks()) {
            if (registry.subscriptions.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException(file + ": webhook id '" + s.id() + "' appears twice");
            }
        }
        for (SilenceEntry s : content.silences() == null ? List.<SilenceEntry>of() : content.silences()) {
            try {
                registry.silences.add(s.toSilence());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": silence '" + s.id() + "': " + e.getMessage(), e);
            }
        }
        return registry;
    }

    private static String describe(Path file, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[") + ": "
                : "";
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
        return file + (where == null ? "" : " line " + where.getLineNr()) + ": " + field
                + message.lines().findFirst().orElse("invalid");
    }

    public Collection<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    public Optional<Subscription> subscription(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    /** Adds a subscription; false when its id is taken. */
    public boolean add(Subscription subscription) {
        return subscriptions.putIfAbsent(subscription.id(), subscription) == null;
    }

    /** Removes a subscription; false when there was none with this id. */
    public boolean remove(String id) {
        return subscriptions.remove(id) != null;
    }

    public List<Silence> silences() {
        return new ArrayList<>(silences);
    }
}
