package org.flashpoint.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of every payload: ISO-8601 times, sorted map keys (byte-identical output on replay),
 * and strict reading: unknown fields, missing primitives and trailing tokens are errors that name the field.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(IsoTimes.module())
            .addModule(SharedPayloads.module())
            // Accessors and constructors through generated lambdas instead of reflection: a third of serialization time.
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /**
     * The same mapping for state and internal topics, which no person and no other program reads: times as numbers,
     * exact to the nanosecond. Parsing ISO-8601 text was about half the cost of reading back an incident's state.
     */
    private static final ObjectMapper STATE = MAPPER.copy()
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    /** The shared, configured mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The mapper of state stores and internal topics; see {@link #STATE}. Do not reconfigure it. */
    public static ObjectMapper stateMapper() {
        return STATE;
    }

    /**
     * The JSON of {@code value}. An incident or indicator written again by the same thread soon after gets the same
     * array back (see {@link SharedPayloads}): callers never change a returned array.
     */
    public static byte[] write(Object value) {
        return write(MAPPER, value);
    }

    static byte[] write(ObjectMapper mapper, Object value) {
        boolean shared = mapper == MAPPER && SharedPayloads.shared(value);
        byte[] recent = shared ? SharedPayloads.recent(value) : null;
        if (recent != null) {
            return recent;
        }
        try {
            byte[] written = mapper.writeValueAsBytes(value);
            if (shared) {
                SharedPayloads.remember(value, written);
            }
            return written;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a payload, or throws {@link PayloadException} saying which field is wrong and why. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        return read(MAPPER, bytes, type);
    }

    static <T> T read(ObjectMapper mapper, byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw PayloadException.from(type, e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (IOException e) {
            throw PayloadException.from(type, e);
        }
    }
}
