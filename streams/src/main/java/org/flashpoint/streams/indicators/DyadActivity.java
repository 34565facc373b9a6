package org.flashpoint.streams.indicators;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Incident;

/**
 * One article's news on one dyad: the incidents it opened or changed (possibly none).
 *
 * @param dyad       the pair of states
 * @param articleId  the article
 * @param eventTime  the article's event time
 * @param incidents  incidents as they stand after the article
 */
public record DyadActivity(Dyad dyad, String articleId, Instant eventTime, List<Incident> incidents) {

    public DyadActivity {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(eventTime, "eventTime");
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
    }
}
