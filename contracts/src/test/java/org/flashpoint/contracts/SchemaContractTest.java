package org.flashpoint.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload's record and JSON Schema agree, both ways: record → JSON validates, schema examples → record → same JSON. */
class SchemaContractTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://flashpoint.example/schemas/", "classpath:schemas/")));

    static Stream<Topic<String, ?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schema_examples_read_into_the_record_and_write_back_identically(Topic<String, ?> topic) throws IOException {
        JsonSchema schema = schema(topic.schema());
        JsonNode examples = schema.getSchemaNode().get("examples");
        assertThat(examples).as("examples of " + topic.schema()).isNotNull().isNotEmpty();
        Class<?> type = ((JsonSerde<?>) topic.valueSerde()).type();
        for (JsonNode example : examples) {
            assertThat(errors(schema, example)).as("example validates against its own schema").isEmpty();
            Object record = Json.read(Json.mapper().writeValueAsBytes(example), type);
            JsonNode roundTrip = Json.mapper().readTree(Json.write(record));
            assertThat(roundTrip).isEqualTo(example);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void records_written_as_json_validate_against_their_schema(String schemaFile, Object record) throws IOException {
        JsonNode json = Json.mapper().readTree(Json.write(record));
        assertThat(errors(schema(schemaFile), json)).isEmpty();
    }

    @Test
    void a_payload_with_a_wrong_field_fails_naming_the_field() {
        String bad = "{\"id\":\"x\",\"dyads\":[],\"labels\":{\"escalation\":true,\"de_escalation\":false,"
                + "\"border_incident\":false,\"diplomatic_visit\":false},\"direction\":\"UPWARDS\",\"events\":[],"
                + "\"analyzer_version\":\"v\"}";
        assertThatThrownBy(() -> Json.read(bad, ClassifiedArticle.class))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("direction")
                .satisfies(e -> assertThat(((PayloadException) e).path()).isEqualTo("direction"));
    }

    @Test
    void an_unknown_field_is_an_error_not_silently_dropped() {
        assertThatThrownBy(() -> Json.read("{\"quote\":\"q\",\"colour\":\"red\"}", Evidence.class))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void the_schema_rejects_what_the_contract_forbids() throws IOException {
        JsonNode json = Json.mapper().readTree("{\"reason\":\"x\",\"message\":\"m\",\"rejectedAt\":\"not a time\","
                + "\"payloadBytes\":-1,\"truncated\":false}");
        assertThat(errors(schema("rejected-record.schema.json"), json)).isNotEmpty();
    }

    static Stream<Object[]> samples() {
        Instant t = Instant.parse("2024-01-17T09:30:00Z");
        Dyad dyad = Dyad.of("PAK", "IRN");
        EventMention mention = new EventMention("assault", "IRN", "PAK", dyad, 1, 10, 60, "Iran struck a village in Pakistan.",
                "struck", LocalDate.parse("2024-01-16"), Modality.ASSERTED, 0.9, -10, 2, "Panjgur", "PAK");
        Evidence evidence = new Evidence("a1", "Wire", "https://wire.example/a1", t, mention.quote(), "assault");
        Incident incident = new Incident("IRN-PAK/assault/2024-01-16", dyad, "assault", Direction.ESCALATION, true,
                List.of("Panjgur"), LocalDate.parse("2024-01-16"), t, t, List.of("a1"), 1, List.of("Wire"), 1, 2, -10,
                List.of(evidence));
        DyadIndicator indicator = new DyadIndicator(dyad, Duration.ofDays(1), t, t.plusSeconds(86400),
                10, 1, 9, 3, 1, 1, 0, 2, 2, 0.5, 1.0, 8.5, List.of(incident.id()));
        Alert alert = new Alert("r/IRN-PAK/1", "r", dyad, Alert.Severity.CRITICAL, Alert.State.UPGRADED, 3, "summary",
                Map.of("tension", 12.0), List.of(incident), t, t, null);
        return Stream.of(
                new Object[] {"article.schema.json", new Article("a1", null, null, null, "text", null, null, t,
                        Article.TimeSource.INGEST_TIME, t, "req-1", Map.of("labels", Map.of("escalation", true)))},
                new Object[] {"rejected-record.schema.json",
                        RejectedRecord.of("empty_file", "the file is empty", "x.txt", "replay", t, new byte[0])},
                new Object[] {"classified-article.schema.json", new ClassifiedArticle("a1", "t", "s", "u", t,
                        List.of(dyad), new Labels(true, false, true, false), Direction.ESCALATION, 2, List.of(mention), "v1")},
                new Object[] {"incident.schema.json", incident},
                new Object[] {"dyad-indicator.schema.json", indicator},
                new Object[] {"dyad-update.schema.json", new DyadUpdate(dyad, "a1", t, List.of(incident), List.of(indicator))},
                new Object[] {"alert-notice.schema.json", AlertNotice.of(alert)});
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as("schema resource " + file).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return FACTORY.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> errors(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream().map(Object::toString).collect(Collectors.toSet());
    }
}
