package org.flashpoint.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for one payload type, using {@link Json}; a bad payload fails with a {@link SerializationException}. */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectMapper mapper;

    /** The serde of a published payload. */
    public JsonSerde(Class<T> type) {
        this(type, Json.mapper());
    }

    private JsonSerde(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.mapper = mapper;
    }

    /** The serde of a state store's values or an internal topic's records ({@link Json#stateMapper()}). */
    public static <T> JsonSerde<T> forState(Class<T> type) {
        return new JsonSerde<>(type, Json.stateMapper());
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : Json.write(mapper, value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.read(mapper, bytes, type);
            } catch (PayloadException e) {
                throw new SerializationException(e.getMessage() + " (topic " + topic + ")", e);
            }
        };
    }
}
