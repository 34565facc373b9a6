package org.flashpoint.contracts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One event found in an article, with the sentence that proves it.
 *
 * @param type        event type from the documented taxonomy (PLOVER-style, e.g. {@code assault}, {@code consult})
 * @param actor       ISO alpha-3 of the acting state, null when not a state
 * @param target      ISO alpha-3 of the target state, null when not a state
 * @param dyad        the pair of states it concerns, null when fewer than two states are involved
 * @param sentence    index of the sentence in the article (title is sentence 0)
 * @param start       character offset of the quote in the analysed text (title + "\n\n" + body)
 * @param end         end offset (exclusive)
 * @param quote       the sentence text
 * @param cue         the cue phrase that matched
 * @param eventDate   resolved date of the event, null when unknown
 * @param modality    asserted, negated, hypothetical or future, historical
 * @param confidence  0..1
 * @param weight      signed intensity: negative for conflict, positive for cooperation (scale named in the lexicon)
 * @param killed      death toll stated in the sentence, null when none
 * @param place       a province or border region named in the sentence, as written; null when none
 * @param placeState  ISO alpha-3 of the state that place lies in; null when no place is named
 */
public record EventMention(
        String type,
        String actor,
        String target,
        Dyad dyad,
        int sentence,
        int start,
        int end,
        String quote,
        String cue,
        LocalDate eventDate,
        Modality modality,
        double confidence,
        double weight,
        Integer killed,
        String place,
        String placeState) {

    public EventMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(modality, "modality");
    }

    public boolean conflictual() {
        return weight < 0;
    }
}
