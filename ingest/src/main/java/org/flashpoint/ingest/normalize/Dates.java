package org.flashpoint.ingest.normalize;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses publication dates as news sources write them. Times without a zone are read as UTC; dates without a
 * time as midnight UTC.
 */
public final class Dates {

    /** Epoch values above this are milliseconds, below are seconds (year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            english("EEE, d MMM yyyy HH:mm[:ss] zzz"),
            english("EEE, d MMM yyyy HH:mm[:ss] Z"),
            english("d MMM yyyy HH:mm[:ss] zzz"),
            english("yyyy-MM-dd'T'HH:mm[:ss][.SSS]Z"),
            english("yyyy-MM-dd HH:mm[:ss][.SSS]XXX"),
            english("MMMM d, yyyy h:mm a zzz"),
            english("MMM d, yyyy h:mm a zzz"));

    private static final List<DateTimeFormatter> LOCAL_TIME = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            english("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            english("yyyy/MM/dd HH:mm[:ss]"),
            english("MMMM d, yyyy[,] h:mm a"),
            english("MMM d, yyyy[,] h:mm a"),
            english("d MMM yyyy[,] HH:mm"),
            english("d MMMM yyyy[,] HH:mm"),
            english("d MMM yyyy[,] h:mm a"),
            english("M/d/yyyy h:mm[:ss] a"),
            english("EEEE, MMMM d, yyyy h:mm a"));

    private static final List<DateTimeFormatter> LOCAL_DATE = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            english("yyyy/MM/dd"),
            english("MMMM d, yyyy"),
            english("MMM d, yyyy"),
            english("MMM. d, yyyy"),
            english("d MMMM yyyy"),
            english("d MMM yyyy"),
            english("EEEE, MMMM d, yyyy"),
            english("EEE, d MMM yyyy"),
            english("M/d/yyyy"),
            english("yyyyMMdd"));

    private Dates() {
    }

    /**
     * Reads a date given as text or as an epoch number (seconds or milliseconds).
     *
     * @throws IllegalArgumentException naming the value when no known format fits
     */
    public static Instant parse(Object value) {
        if (value instanceof Number number) {
            return fromEpoch(new BigDecimal(number.toString()));
        }
        String text = String.valueOf(value).strip().replaceAll("\\s+", " ");
        if (text.matches("-?\\d{9,13}(\\.\\d+)?")) {
            return fromEpoch(new BigDecimal(text));
        }
        String upper = text.replace(" at ", " ").replace(" am", " AM").replace(" pm", " PM")
                .replace("a.m.", "AM").replace("p.m.", "PM");
        return first(ZONED, upper, t -> Instant.from(t))
                .or(() -> first(LOCAL_TIME, upper, t -> LocalDateTime.from(t).toInstant(ZoneOffset.UTC)))
                .or(() -> first(LOCAL_DATE, upper, t -> LocalDate.from(t).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .orElseThrow(() -> new IllegalArgumentException("unrecognised date '" + text
                        + "' (expected ISO-8601, RFC 1123, epoch seconds or milliseconds, or e.g. 'January 29, 2024')"));
    }

    private static Instant fromEpoch(BigDecimal value) {
        try {
            long whole = value.longValueExact();
            return Math.abs(whole) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(whole) : Instant.ofEpochSecond(whole);
        } catch (ArithmeticException fractional) {
            return Instant.ofEpochMilli(value.movePointRight(3).longValue());
        }
    }

    private static Optional<Instant> first(List<DateTimeFormatter> formats, String text,
                                           java.util.function.Function<TemporalAccessor, Instant> convert) {
        for (DateTimeFormatter format : formats) {
            try {
                return Optional.of(convert.apply(format.parse(text)));
            } catch (DateTimeException notThisOne) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter english(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.SMART);
    }
}
