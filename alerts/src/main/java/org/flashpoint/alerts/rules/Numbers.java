package org.flashpoint.alerts.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;

/** Shared helpers of the indicator rules: the numbers a notice shows and the incidents an indicator names. */
final class Numbers {

    private Numbers() {
    }

    /** Every number of the window, so a reader of the notice sees the whole picture, not only the tested one. */
    static Map<String, Double> of(DyadIndicator indicator) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            values.put(i.key(), i.of(indicator));
        }
        return values;
    }

    /** The window's top incidents that are known, in the indicator's order (strongest first). */
    static List<Incident> topIncidents(DyadView dyad, DyadIndicator indicator) {
        return indicator == null ? List.of()
                : indicator.topIncidents().stream().map(dyad::incident).filter(Objects::nonNull).toList();
    }

    /** {@code 7d}, {@code 12h}, {@code 30m}: how rule files write durations, for summaries. */
    static String format(java.time.Duration d) {
        if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    /**
     * Two decimals, trailing zeros dropped: enough for a person reading a summary. What {@code %.2f} prints (half up,
     * from the shortest decimal of the double; "-0" for a negative value that rounds to zero) without a
     * {@code Formatter} and a regular expression per number, which took a twentieth of the alerts role's time.
     */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE ? "-0" : "0";
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
