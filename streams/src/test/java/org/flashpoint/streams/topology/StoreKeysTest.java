package org.flashpoint.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.streams.Fixtures.IRN_PAK;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreKeysTest {

    @Test
    void windowKeysArePaddedToFifteenDigitsSoTheySortByTime() {
        assertThat(StoreKeys.window(IRN_PAK, Duration.ofDays(1), Instant.parse("2024-01-17T00:00:00Z")))
                .isEqualTo("IRN-PAK|PT24H|001705449600000");
        assertThat(StoreKeys.window(IRN_PAK, Duration.ofDays(7), Instant.EPOCH)).isEqualTo("IRN-PAK|PT168H|000000000000000");
        assertThat(StoreKeys.window(IRN_PAK, Duration.ofDays(1), Instant.parse("1969-12-31T00:00:00Z")))
                .isEqualTo("IRN-PAK|PT24H|000000000000000");
    }
}
