package org.flashpoint.streams.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ArticleDeduplicatorTest {

    private final ArticleDeduplicator deduplicator = new ArticleDeduplicator(Duration.ofDays(7));
    private final Map<String, List<Instant>> remembered = new TreeMap<>();
    private final SeenArticles seen = new SeenArticles() {
        @Override
        public boolean seenBetween(String id, Instant from, Instant to) {
            return remembered.getOrDefault(id, List.of()).stream().anyMatch(t -> !t.isBefore(from) && !t.isAfter(to));
        }

        @Override
        public void remember(String id, Instant eventTime) {
            remembered.computeIfAbsent(id, k -> new ArrayList<>()).add(eventTime);
        }
    };

    private boolean first(String id, String time) {
        return deduplicator.firstTime(seen, id, Instant.parse(time));
    }

    @Test
    void anIdSeenWithinTheRetentionIsADuplicateEvenWhenItComesBackEarlier() {
        assertThat(first("a", "2024-01-17T00:00:00Z")).isTrue();
        assertThat(first("a", "2024-01-17T00:00:00Z")).isFalse();
        assertThat(first("a", "2024-01-23T00:00:00Z")).isFalse();
        assertThat(first("a", "2024-01-11T00:00:00Z")).isFalse();
        assertThat(first("b", "2024-01-17T00:00:00Z")).isTrue();
    }

    @Test
    void anIdOlderThanTheRetentionPassesAgain() {
        assertThat(first("a", "2024-01-17T00:00:00Z")).isTrue();
        assertThat(first("a", "2024-01-24T00:00:01Z")).isTrue();
    }

    @Test
    void aRetentionMustBePositive() {
        assertThatThrownBy(() -> new ArticleDeduplicator(Duration.ZERO)).hasMessageContaining("positive");
    }
}
