package org.flashpoint.streams.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowSpecTest {

    @Test
    void aSizeAloneIsATumblingWindow() {
        assertThat(WindowSpec.parse("P1D")).isEqualTo(WindowSpec.tumbling(Duration.ofDays(1)));
    }

    @Test
    void sizeSlashAdvanceIsAHoppingWindow() {
        assertThat(WindowSpec.parse(" P7D / P1D ")).isEqualTo(new WindowSpec(Duration.ofDays(7), Duration.ofDays(1)));
    }

    @Test
    void anAdvanceThatDoesNotDivideTheSizeIsRefusedNamingBoth() {
        assertThatThrownBy(() -> WindowSpec.parse("P7D/P2D")).hasMessageContaining("PT168H").hasMessageContaining("PT48H");
    }

    @Test
    void aTumblingDayWindowStartsAtUtcMidnight() {
        assertThat(WindowSpec.tumbling(Duration.ofDays(1)).startsContaining(Instant.parse("2024-01-17T23:59:59Z")))
                .containsExactly(Instant.parse("2024-01-17T00:00:00Z"));
    }

    @Test
    void aTimeOnABoundaryBelongsToTheWindowItStarts() {
        assertThat(new WindowSpec(Duration.ofDays(2), Duration.ofDays(1)).startsContaining(Instant.parse("2024-01-17T00:00:00Z")))
                .containsExactly(Instant.parse("2024-01-16T00:00:00Z"), Instant.parse("2024-01-17T00:00:00Z"));
    }
}
