package org.flashpoint.contracts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 text of {@link Instant} and {@link LocalDate} without java.time's general-purpose formatters, which took
 * about half the time of writing or reading an incident, an indicator or a dyad update (each carries a dozen times).
 * Writes exactly what {@code DateTimeFormatter.ISO_INSTANT} and {@code ISO_LOCAL_DATE} write for years 0–9999
 * ({@code 2024-01-16T18:30:00Z}, fractions in groups of three digits) and reads those canonical forms directly;
 * anything else (other years, offsets, numbers, malformed text) goes to Jackson's own java.time serializers and
 * deserializers, so every accepted input, every output and every error message stays what it was. The mappers
 * register this module after {@code JavaTimeModule}, whose registrations it replaces for these two types.
 */
final class IsoTimes {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long FIRST_SECOND_OF_YEAR_10000 = 253_402_300_800L;

    private IsoTimes() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("flashpoint-iso-times");
        module.addSerializer(Instant.class, new InstantText());
        module.addDeserializer(Instant.class, new InstantReader());
        module.addSerializer(LocalDate.class, new DateText());
        module.addDeserializer(LocalDate.class, new DateReader());
        return module;
    }

    /** The ISO-8601 text of {@code instant}, or null outside the years 0–9999. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds >= FIRST_SECOND_OF_YEAR_10000) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nano = instant.getNano();
        char[] text = new char[30];
        int at = date(text, date);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                at = digits(text, at, nano / 1000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    /** The instant of a canonical {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other text. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        LocalDate date = parseDate(text);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int fraction = length > 20 ? number(text, 20, length - 1) : 0;
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        int nano = fraction;
        for (int digits = length - 21; length > 20 && digits < 9; digits++) {
            nano *= 10;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** The date of a text starting with a canonical {@code yyyy-MM-dd}, or null. */
    static LocalDate parseDate(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int date(char[] text, LocalDate date) {
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        return digits(text, at, date.getDayOfMonth(), 2);
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class InstantText extends StdScalarSerializer<Instant> {

        InstantText() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) ? null : format(value);
            if (text == null) {
                InstantSerializer.INSTANCE.serialize(value, gen, provider);
            } else {
                gen.writeString(text);
            }
        }
    }

    private static final class InstantReader extends StdScalarDeserializer<Instant> {

        InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Instant parsed = p.hasToken(JsonToken.VALUE_STRING) ? parse(p.getText()) : null;
            return parsed != null ? parsed : InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    private static final class DateText extends StdScalarSerializer<LocalDate> {

        DateText() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) || value.getYear() < 0 || value.getYear() > 9999) {
                LocalDateSerializer.INSTANCE.serialize(value, gen, provider);
            } else {
                char[] text = new char[10];
                date(text, value);
                gen.writeString(text, 0, 10);
            }
        }
    }

    private static final class DateReader extends StdScalarDeserializer<LocalDate> {

        DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate parsed = null;
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                parsed = text.length() == 10 ? parseDate(text) : null;
            }
            return parsed != null ? parsed : LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        }
    }
}
