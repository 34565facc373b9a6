package org.flashpoint.contracts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The published JSON of the incidents and indicators a thread wrote last, by identity. Within one record's processing
 * the streams role writes each incident and each indicator three times: to its query store, to its topic, and inside
 * the article's {@code dyad.updates} record. The second and third time reuse the bytes of the first. Only these two
 * record types are shared: every field of theirs is immutable, so the same object always has the same JSON.
 * Applies to {@link Json#mapper()} only; the state mapper writes times as numbers and never shares.
 */
final class SharedPayloads {

    private static final Set<Class<?>> SHARED = Set.of(Incident.class, DyadIndicator.class);
    /** About ten times what one article on one dyad produces. */
    private static final int CAPACITY = 256;
    private static final ThreadLocal<SharedPayloads> RECENT = ThreadLocal.withInitial(SharedPayloads::new);

    private final Map<Object, byte[]> json = new IdentityHashMap<>();
    private final Object[] order = new Object[CAPACITY];
    private int next;

    private SharedPayloads() {
    }

    static boolean shared(Object value) {
        return SHARED.contains(value.getClass());
    }

    /** The bytes this thread wrote for {@code value} lately, or null. */
    static byte[] recent(Object value) {
        return RECENT.get().json.get(value);
    }

    /** Keeps {@code bytes} as the JSON of {@code value}, forgetting the oldest value past {@link #CAPACITY}. */
    static void remember(Object value, byte[] bytes) {
        SharedPayloads recent = RECENT.get();
        if (recent.json.put(value, bytes) == null) {
            Object oldest = recent.order[recent.next];
            if (oldest != null) {
                recent.json.remove(oldest);
            }
            recent.order[recent.next] = value;
            recent.next = (recent.next + 1) % CAPACITY;
        }
    }

    /** Lets a shared record nested in another payload (a dyad update's incidents) be copied instead of written. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("flashpoint-shared-payloads");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return SHARED.contains(description.getBeanClass()) ? new Copied((JsonSerializer<Object>) serializer) : serializer;
            }
        });
        return module;
    }

    /** Copies the bytes of a recently written record, else writes it as usual. */
    private static final class Copied extends JsonSerializer<Object> implements ResolvableSerializer, ContextualSerializer {

        private final JsonSerializer<Object> written;

        Copied(JsonSerializer<Object> written) {
            this.written = written;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            byte[] bytes = provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) || gen.getPrettyPrinter() != null
                    ? null : recent(value);
            if (bytes == null) {
                written.serialize(value, gen, provider);
            } else {
                gen.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer types)
                throws IOException {
            written.serializeWithType(value, gen, provider, types);
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (written instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            JsonSerializer<?> contextual = written instanceof ContextualSerializer c ? c.createContextual(provider, property) : written;
            return contextual == written ? this : new Copied((JsonSerializer<Object>) contextual);
        }

        @Override
        public Class<Object> handledType() {
            return written.handledType();
        }
    }
}
