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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.flashpoint.alerts.lifecycle.Silence;
import org.flashpoint.contracts.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook subscriptions and silences of this process: loaded from a file at start, changed through the API.
 * Entries of the file belong to the file: the API can neither replace nor remove them. API changes go to a
 * {@link Journal} before they apply (with Kafka, the compacted subscriptions topic), and come back from it at the next
 * start through {@link #restore}; without a journal they live in memory only.
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
 *     createdBy: duty officer      # optional
 * </pre>
 */
public final class WebhookRegistry {

    /** Where API changes are kept; a write that throws leaves the registry as it was. */
    @FunctionalInterface
    public interface Journal {
        /**
         * Keeps {@code entry} (a {@link Subscription} or a {@link SilenceEntry}) under {@code key}; null removes it.
         *
         * @throws Unavailable when the change could not be kept
         */
        void write(String key, Object entry);
    }

    /** The journal could not keep a change, which therefore did not apply. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A change to an entry that the webhooks file defines. */
    public static final class DefinedInFile extends RuntimeException {
        DefinedInFile(String message) {
            super(message);
        }
    }

    /** Journal keys: {@code webhook:<id>} and {@code silence:<id>}. */
    public static final String WEBHOOK_KEY = "webhook:";
    public static final String SILENCE_KEY = "silence:";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistry.class);

    // Strict like the payload mapper: unknown fields and missing primitives are errors, not silently ignored.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Subscription> subscriptions = new ConcurrentSkipListMap<>();
    private final Map<String, SilenceEntry> silenceEntries = new ConcurrentSkipListMap<>();
    // Derived from silenceEntries on every change: delivery reads it for each notice.
    private volatile List<Silence> silences = List.of();
    private final Set<String> fileKeys = ConcurrentHashMap.newKeySet();
    private final Object changes = new Object();
    private volatile Journal journal;

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
            registry.fileKeys.add(WEBHOOK_KEY + s.id());
        }
        for (SilenceEntry s : content.silences() == null ? List.<SilenceEntry>of() : content.silences()) {
            if (registry.silenceEntries.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException(file + ": silence id '" + s.id() + "' appears twice");
            }
            registry.fileKeys.add(SILENCE_KEY + s.id());
        }
        registry.silencesChanged();
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

    /** From now on API changes are written to {@code journal} before they apply. */
    public void journalTo(Journal journal) {
        this.journal = journal;
    }

    public Collection<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    public Optional<Subscription> subscription(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    /** Adds a subscription; false when its id is taken. */
    public boolean add(Subscription subscription) {
        synchronized (changes) {
            if (subscriptions.containsKey(subscription.id())) {
                return false;
            }
            journal(WEBHOOK_KEY + subscription.id(), subscription);
            subscriptions.put(subscription.id(), subscription);
            return true;
        }
    }

    /** Removes a subscription added through the API; false when there was none with this id. */
    public boolean remove(String id) {
        synchronized (changes) {
            requireNotFromFile(WEBHOOK_KEY + id);
            if (!subscriptions.containsKey(id)) {
                return false;
            }
            journal(WEBHOOK_KEY + id, null);
            subscriptions.remove(id);
            return true;
        }
    }

    /** The silences that delivery checks, expired ones included (they mute nothing). */
    public List<Silence> silences() {
        return silences;
    }

    /** The silences as set, in id order. */
    public List<SilenceEntry> silenceEntries() {
        return List.copyOf(silenceEntries.values());
    }

    public Optional<SilenceEntry> silence(String id) {
        return Optional.ofNullable(silenceEntries.get(id));
    }

    /** Adds a silence; false when its id is taken. */
    public boolean addSilence(SilenceEntry silence) {
        synchronized (changes) {
            if (silenceEntries.containsKey(silence.id())) {
                return false;
            }
            journal(SILENCE_KEY + silence.id(), silence);
            silenceEntries.put(silence.id(), silence);
            silencesChanged();
            return true;
        }
    }

    /** Removes a silence set through the API; false when there was none with this id. */
    public boolean removeSilence(String id) {
        synchronized (changes) {
            requireNotFromFile(SILENCE_KEY + id);
            if (!silenceEntries.containsKey(id)) {
                return false;
            }
            journal(SILENCE_KEY + id, null);
            silenceEntries.remove(id);
            silencesChanged();
            return true;
        }
    }

    /**
     * Applies one journal entry read back at start (or written by another instance): {@code json} null removes.
     * Entries of the file win over the journal's.
     *
     * @throws IllegalArgumentException for an unknown key or an entry that does not read
     */
    public void restore(String key, byte[] json) {
        if (fileKeys.contains(key)) {
            LOG.warn("ignoring journal entry {}: the webhooks file defines it", key);
            return;
        }
        synchronized (changes) {
            if (key.startsWith(WEBHOOK_KEY)) {
                String id = key.substring(WEBHOOK_KEY.length());
                if (json == null) {
                    subscriptions.remove(id);
                } else {
                    subscriptions.put(id, Json.read(json, Subscription.class));
                }
            } else if (key.startsWith(SILENCE_KEY)) {
                String id = key.substring(SILENCE_KEY.length());
                if (json == null) {
                    silenceEntries.remove(id);
                } else {
                    silenceEntries.put(id, Json.read(json, SilenceEntry.class));
                }
                silencesChanged();
            } else {
                throw new IllegalArgumentException("not a webhook or silence key: " + key);
            }
        }
    }

    private void requireNotFromFile(String key) {
        if (fileKeys.contains(key)) {
            throw new DefinedInFile(key.replace(":", " ") + " is defined in the webhooks file; change it there");
        }
    }

    private void journal(String key, Object entry) {
        Journal target = journal;
        if (target != null) {
            target.write(key, entry);
        }
    }

    private void silencesChanged() {
        silences = silenceEntries.values().stream().map(SilenceEntry::toSilence).toList();
    }
}
