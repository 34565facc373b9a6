package org.flashpoint.ingest.http.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 5 * SECOND;

    @Test
    void a_new_bucket_admits_its_burst_at_once_and_then_says_how_long_to_wait() {
        TokenBucket bucket = new TokenBucket(2, 3, T0);

        assertThat(bucket.take(T0)).isZero();
        assertThat(bucket.take(T0)).isZero();
        assertThat(bucket.take(T0)).isZero();
        assertThat(bucket.take(T0)).isEqualTo(SECOND / 2);
    }

    @Test
    void tokens_come_back_at_the_rate_and_never_beyond_the_burst() {
        TokenBucket bucket = new TokenBucket(2, 3, T0);
        for (int i = 0; i < 3; i++) {
            bucket.take(T0);
        }

        assertThat(bucket.take(T0 + SECOND / 4)).as("half a token back").isEqualTo(SECOND / 4);
        assertThat(bucket.take(T0 + SECOND / 2)).as("one token back").isZero();
        assertThat(bucket.isFull(T0 + SECOND)).isFalse();
        assertThat(bucket.isFull(T0 + 100 * SECOND)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(T0 + 100 * SECOND)).isZero();
        }
        assertThat(bucket.take(T0 + 100 * SECOND)).as("a long pause refills the burst, no more").isPositive();
    }

    @Test
    void a_refused_request_takes_nothing() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.take(T0);

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(T0 + SECOND / 2)).isEqualTo(SECOND / 2);
        }
        assertThat(bucket.take(T0 + SECOND)).isZero();
    }

    @Test
    void a_clock_reading_behind_the_last_one_adds_no_tokens() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.take(T0);

        assertThat(bucket.take(T0 - SECOND)).as("measured from that earlier reading").isEqualTo(2 * SECOND);
        assertThat(bucket.take(T0 + SECOND)).isZero();
    }

    @Test
    void a_rate_or_burst_that_could_never_admit_a_request_is_refused() {
        assertThatThrownBy(() -> new TokenBucket(0, 10, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 10, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(5, 0.5, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientRateLimiter(-1, 10)).hasMessageContaining("burst");
    }
}
