package org.flashpoint.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The state serde keeps every payload exactly, with times as numbers instead of ISO text. */
class JsonSerdeTest {

    static Stream<Topic<String, ?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void every_schema_example_survives_the_state_serde_unchanged(Topic<String, ?> topic) throws IOException {
        Class<?> type = ((JsonSerde<?>) topic.valueSerde()).type();
        for (JsonNode example : SchemaExamples.of(topic.schema())) {
            Object record = Json.read(Json.mapper().writeValueAsBytes(example), type);
            assertThat(roundTrip(JsonSerde.forState(type), record)).isEqualTo(record);
        }
    }

    @Test
    void state_times_are_numbers_exact_to_the_nanosecond() {
        Stamped stamped = new Stamped(Instant.parse("2024-01-16T18:30:00.123456789Z"), java.time.LocalDate.parse("2024-01-16"));
        byte[] state = JsonSerde.forState(Stamped.class).serializer().serialize("t", stamped);

        assertThat(new String(state, StandardCharsets.UTF_8)).isEqualTo("{\"at\":1705429800.123456789,\"day\":[2024,1,16]}");
        assertThat(roundTrip(JsonSerde.forState(Stamped.class), stamped)).isEqualTo(stamped);
        assertThat(new String(new JsonSerde<>(Stamped.class).serializer().serialize("t", stamped), StandardCharsets.UTF_8))
                .as("published payloads keep ISO-8601 text")
                .isEqualTo("{\"at\":\"2024-01-16T18:30:00.123456789Z\",\"day\":\"2024-01-16\"}");
    }

    record Stamped(Instant at, java.time.LocalDate day) {
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(Serde<T> serde, Object value) {
        byte[] bytes = serde.serializer().serialize("t", (T) value);
        return serde.deserializer().deserialize("t", bytes);
    }
}
