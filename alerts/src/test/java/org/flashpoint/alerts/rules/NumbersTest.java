package org.flashpoint.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** The formatting the summaries were written with, kept as the reference. */
    private static String printf(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }

    @Test
    void numbers_read_as_printf_with_two_decimals_and_no_trailing_zeros() {
        double[] edges = {0, -0.0, 0.004, 0.005, -0.004, -0.005, 0.015, 0.125, 1.005, 2.675, 10, 100, 100.5, -3.25,
                1e-9, -1e-9, 123456789.125, 0.1 + 0.2, 9.995, -9.995, Double.MAX_VALUE, -Double.MIN_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double value : edges) {
            assertThat(Numbers.format(value)).as("%s", value).isEqualTo(printf(value));
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextGaussian() * 10;
                case 1 -> Math.round(random.nextGaussian() * 100_000) / 1000.0;
                case 2 -> (random.nextInt(2_000_001) - 1_000_000) / 200.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            assertThat(Numbers.format(value)).as("%s", value).isEqualTo(printf(value));
        }
    }
}
