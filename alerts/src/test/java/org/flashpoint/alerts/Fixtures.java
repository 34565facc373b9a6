package org.flashpoint.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.flashpoint.alerts.lifecycle.AlertEngine;
import org.flashpoint.alerts.lifecycle.AlertStore;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Evidence;
import org.flashpoint.contracts.Incident;

/** Hand-made indicators and incidents, so rule and lifecycle tests do not depend on the streams role's arithmetic. */
public final class Fixtures {

    public static final Dyad IRN_PAK = Dyad.of("IRN", "PAK");
    public static final Duration DAY = Duration.ofDays(1);
    public static final Duration WEEK = Duration.ofDays(7);

    private Fixtures() {
    }

    public static Instant at(String isoDateTime) {
        return Instant.parse(isoDateTime.length() == 10 ? isoDateTime + "T00:00:00Z" : isoDateTime);
    }

    /** The trailing 7-day window (advancing daily) that contains {@code time}: it ends at the next midnight. */
    public static DyadIndicator week(Dyad dyad, Instant time, double escalation, double deEscalation, String... top) {
        Instant end = time.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return indicator(dyad, WEEK, end.minus(WEEK), escalation, deEscalation, 0, top);
    }

    /** All seven 7-day windows (advancing daily) that contain {@code time}, as the streams role emits them for one article. */
    public static List<DyadIndicator> weeks(Dyad dyad, Instant time, double escalation, double deEscalation, String... top) {
        Instant end = time.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return java.util.stream.IntStream.range(0, 7)
                .mapToObj(k -> indicator(dyad, WEEK, end.minus(WEEK).plus(DAY.multipliedBy(k)), escalation, deEscalation, 0, top))
                .toList();
    }

    /** The tumbling day window containing {@code time}, with a z-score. */
    public static DyadIndicator day(Dyad dyad, Instant time, double tension, double z, String... top) {
        Instant start = time.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        return indicator(dyad, DAY, start, tension, 0, z, top);
    }

    public static DyadIndicator indicator(Dyad dyad, Duration size, Instant start, double escalation, double deEscalation,
                                          double z, String... top) {
        return new DyadIndicator(dyad, size, start, start.plus(size), escalation, deEscalation,
                Math.round((escalation - deEscalation) * 10_000) / 10_000.0, 1, top.length, 0, 0, 0, 0, 0, 1, z, List.of(top));
    }

    /** A hostile incident first and last reported at {@code seen}, with one quote. */
    public static Incident incident(String id, Instant seen, boolean border, Integer killed, int independentSources) {
        return incident(id, seen, seen, border, killed, independentSources);
    }

    /** A hostile incident (an armed assault) as updated by a report at {@code lastSeen}. */
    public static Incident incident(String id, Instant firstSeen, Instant lastSeen, boolean border, Integer killed,
                                    int independentSources) {
        return new Incident(id, IRN_PAK, "assault", Direction.ESCALATION, border, List.of(),
                LocalDate.ofInstant(firstSeen, ZoneOffset.UTC), firstSeen, lastSeen, List.of("a-" + id), 1,
                List.of("example.org"), independentSources, killed, -10,
                List.of(new Evidence("a-" + id, "example.org", "https://example.org/" + id, firstSeen,
                        "Quote about " + id + ".", "assault")));
    }

    /** An article that moved one indicator window and no incident, as {@code dyad.updates} would carry it. */
    public static List<Alert> onIndicator(AlertEngine engine, AlertStore store, DyadIndicator indicator, Instant eventTime) {
        return engine.onUpdate(store, new DyadUpdate(indicator.dyad(), "test", eventTime, List.of(), List.of(indicator)));
    }

    /** An article that changed one incident and no indicator window. */
    public static List<Alert> onIncident(AlertEngine engine, AlertStore store, Incident incident, Instant eventTime) {
        return engine.onUpdate(store, new DyadUpdate(incident.dyad(), "test", eventTime, List.of(incident), List.of()));
    }
}
