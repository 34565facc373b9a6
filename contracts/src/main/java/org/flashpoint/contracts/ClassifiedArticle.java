package org.flashpoint.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The analysis of one article, published to {@code articles.classified} and printed by {@code flashpoint classify}.
 * Field names follow LABELING.md so the output can be scored against labeled files directly.
 *
 * @param id               the article id
 * @param title            the headline
 * @param source           outlet
 * @param url              link to the article
 * @param published        publication time (event time)
 * @param dyads            pairs of states the article reports on, most prominent first
 * @param labels           the four labels
 * @param direction        the headline thrust
 * @param killed           headline death toll of the main interstate incident, null if none stated
 * @param events           every event mention found, with evidence
 * @param analyzerVersion  code version + hash of the data files that produced this
 */
public record ClassifiedArticle(
        String id,
        String title,
        String source,
        String url,
        Instant published,
        List<Dyad> dyads,
        Labels labels,
        Direction direction,
        Integer killed,
        List<EventMention> events,
        @JsonProperty("analyzer_version") String analyzerVersion) {

    public ClassifiedArticle {
        Objects.requireNonNull(id, "id");
        dyads = dyads == null ? List.of() : List.copyOf(dyads);
        labels = labels == null ? Labels.NONE : labels;
        direction = direction == null ? Direction.NEUTRAL : direction;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The headline dyad, or null for an article about no pair of states. */
    public Dyad headlineDyad() {
        return dyads.isEmpty() ? null : dyads.get(0);
    }
}
