package org.flashpoint.alerts.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.flashpoint.contracts.DyadIndicator;

/** The numbers of a {@link DyadIndicator} a rule can test, by the snake_case names used in rule files and notices. */
public enum Indicator {
    TENSION(DyadIndicator::tension),
    ESCALATION(DyadIndicator::escalation),
    DE_ESCALATION(DyadIndicator::deEscalation),
    ARTICLES(DyadIndicator::articles),
    INCIDENTS(DyadIndicator::incidents),
    BORDER_INCIDENTS(DyadIndicator::borderIncidents),
    VISITS(DyadIndicator::visits),
    KILLED(DyadIndicator::killed),
    INDEPENDENT_SOURCES(DyadIndicator::independentSources),
    Z_SCORE(DyadIndicator::zScore);

    private final ToDoubleFunction<DyadIndicator> value;

    Indicator(ToDoubleFunction<DyadIndicator> value) {
        this.value = value;
    }

    /** The value in a window; a window with no activity was never emitted and counts as zero. */
    public double of(DyadIndicator indicator) {
        return indicator == null ? 0 : value.applyAsDouble(indicator);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Indicator> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key().equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Indicator::key).toList());
    }
}
