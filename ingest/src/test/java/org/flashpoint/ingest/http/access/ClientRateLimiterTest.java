package org.flashpoint.ingest.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void each_client_has_its_own_allowance() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 2);

        assertThat(limiter.take("10.0.0.1", 0)).isZero();
        assertThat(limiter.take("10.0.0.1", 0)).isZero();
        assertThat(limiter.take("10.0.0.1", 0)).isEqualTo(SECOND);
        assertThat(limiter.take("10.0.0.2", 0)).as("another address is not held back").isZero();
    }

    @Test
    void refilled_buckets_are_forgotten_once_there_are_many_clients_and_busy_ones_are_kept() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 2);
        for (int i = 0; i <= ClientRateLimiter.SWEEP_ABOVE; i++) {
            limiter.take("client-" + i, 0);
        }
        limiter.take("busy", 10 * SECOND);
        limiter.take("busy", 10 * SECOND);

        assertThat(limiter.clients()).as("the idle clients' buckets had refilled").isEqualTo(1);
        assertThat(limiter.take("busy", 10 * SECOND)).as("the busy one still remembers its use").isEqualTo(SECOND);
    }
}
