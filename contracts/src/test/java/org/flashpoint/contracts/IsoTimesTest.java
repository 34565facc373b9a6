package org.flashpoint.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast ISO-8601 times write and read exactly what Jackson's java.time module does, for any instant and date. */
class IsoTimesTest {

    /** Jackson's java.time mapping alone, as {@link Json} configured it before {@link IsoTimes}. */
    private static final ObjectMapper REFERENCE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static List<Instant> instants() {
        Random random = new Random(20240116);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("2024-02-29T00:00:00.000000001Z"),
                Instant.MIN, Instant.MAX));
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        int[] nanoSteps = {1_000_000_000, 1_000_000, 1000, 1};
        for (int i = 0; i < 20_000; i++) {
            long seconds = from + Math.floorMod(random.nextLong(), to - from);
            int step = nanoSteps[random.nextInt(nanoSteps.length)];
            instants.add(Instant.ofEpochSecond(seconds, step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step));
        }
        return instants;
    }

    @Test
    void instants_are_written_as_java_time_writes_them_and_read_back_exactly() throws JsonProcessingException {
        for (Instant instant : instants()) {
            String expected = REFERENCE.writeValueAsString(instant);
            assertThat(Json.mapper().writeValueAsString(instant)).as("%s", instant).isEqualTo(expected);
            assertThat(Json.mapper().readValue(expected, Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void dates_are_written_as_java_time_writes_them_and_read_back_exactly() throws JsonProcessingException {
        // Instant.MIN and MAX lie beyond LocalDate's range.
        for (Instant instant : instants().stream().filter(i -> !i.equals(Instant.MIN) && !i.equals(Instant.MAX)).toList()) {
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400));
            String expected = REFERENCE.writeValueAsString(date);
            assertThat(Json.mapper().writeValueAsString(date)).as("%s", date).isEqualTo(expected);
            assertThat(Json.mapper().readValue(expected, LocalDate.class)).isEqualTo(date);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-01-16T18:30:00.5Z\"", "\"2024-01-16T18:30:00.12345Z\"", "\"2024-01-16T19:30:00+01:00\"",
            "\"2024-01-16T23:59:60Z\"", "\"2024-02-30T00:00:00Z\"", "\"2024-01-16T24:00:00Z\"", "\"2024-01-16t18:30:00z\"",
            "\"2024-01-16T18:30Z\"", "\"2024-01-16T18:30:00.Z\"", "\"+2024-01-16T18:30:00Z\"", "\" 2024-01-16T18:30:00Z\"",
            "\"2024-1-16T18:30:00Z\"", "\"\"", "1705429800", "1705429800.5", "\"yesterday\"", "\"2024-01-16T18:30:00.1234567890Z\""})
    void any_other_instant_text_reads_as_java_time_reads_it(String json) {
        assertSameOutcome(json, Instant.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-02-30\"", "\"2024-13-01\"", "\"2024-1-16\"", "\"+12024-01-16\"", "\"2024-01-16T10:00:00\"",
            "\"20240116\"", "\"\"", "[2024,1,16]", "\"2024-01-1x\"", "\"0000-01-01\""})
    void any_other_date_text_reads_as_java_time_reads_it(String json) {
        assertSameOutcome(json, LocalDate.class);
    }

    private static void assertSameOutcome(String json, Class<?> type) {
        Object expected;
        try {
            expected = REFERENCE.readValue(json, type);
        } catch (JsonProcessingException e) {
            assertThatThrownBy(() -> Json.mapper().readValue(json, type)).as(json).isInstanceOf(e.getClass());
            return;
        }
        try {
            assertThat(Json.mapper().readValue(json, type)).as(json).isEqualTo(expected);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json + " failed: " + e.getMessage(), e);
        }
    }
}
