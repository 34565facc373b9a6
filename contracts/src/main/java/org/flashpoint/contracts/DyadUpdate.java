package org.flashpoint.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one article changed on one dyad, published to {@code dyad.updates} keyed by the dyad. The same
 * incidents and indicators also go to {@code incidents} and {@code indicators}; this topic keeps them together, in the
 * order the streams role produced them, so a consumer that needs both (the alert rules) sees one ordered log per dyad
 * whatever the timing of the two separate topics.
 *
 * @param dyad        the pair of states
 * @param articleId   the article
 * @param eventTime   the article's event time (its publication time)
 * @param incidents   incidents the article opened or changed, as published on {@code incidents}
 * @param indicators  indicator windows the article changed, as published on {@code indicators}
 */
public record DyadUpdate(Dyad dyad, String articleId, Instant eventTime, List<Incident> incidents,
                         List<DyadIndicator> indicators) {

    public DyadUpdate {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(eventTime, "eventTime");
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
