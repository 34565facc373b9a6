package org.flashpoint.streams.indicators;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How tension indicators are computed.
 *
 * @param windows           window families, each emitted separately (default: 1 day tumbling, 7 days every day)
 * @param grace             how long after its end a window still accepts late articles
 * @param baselineWindows   how many earlier, non-overlapping windows of the same size form the baseline
 * @param minDeviation      floor of the baseline deviation, so one quiet history does not make every report extreme
 * @param visitKinds        incident kinds that are diplomatic visits
 * @param topIncidents      how many incident ids an indicator lists
 */
public record IndicatorSettings(List<WindowSpec> windows, Duration grace, int baselineWindows, double minDeviation,
                                Set<String> visitKinds, int topIncidents) {

    public static final IndicatorSettings DEFAULTS = new IndicatorSettings(
            List.of(WindowSpec.tumbling(Duration.ofDays(1)), new WindowSpec(Duration.ofDays(7), Duration.ofDays(1))),
            Duration.ofDays(2), 28, 1.0, Set.of("visit"), 3);

    public IndicatorSettings {
        windows = List.copyOf(windows);
        visitKinds = Set.copyOf(visitKinds);
        Objects.requireNonNull(grace, "grace");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one indicator window is needed");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        if (baselineWindows < 1 || minDeviation <= 0 || topIncidents < 0) {
            throw new IllegalArgumentException("baselineWindows >= 1, minDeviation > 0 and topIncidents >= 0 are required");
        }
    }

    public IndicatorSettings withWindows(List<WindowSpec> newWindows) {
        return new IndicatorSettings(newWindows, grace, baselineWindows, minDeviation, visitKinds, topIncidents);
    }

    public IndicatorSettings withGrace(Duration newGrace) {
        return new IndicatorSettings(windows, newGrace, baselineWindows, minDeviation, visitKinds, topIncidents);
    }
}
