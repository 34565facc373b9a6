package org.flashpoint.streams.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;

/**
 * One article as the incident step of one dyad needs it: the article's asserted events on that dyad, each folded
 * from its mentions, and what a report and a quote keep. This, not the whole classified article, is what moves to
 * the dyad's partition: about a fifth of the bytes, and no mention of another dyad or of history.
 *
 * @param dyad         the pair of states
 * @param articleId    the article
 * @param source       its outlet, or null
 * @param url          its address, or null
 * @param borderLabel  whether the article reports a border incident
 * @param fingerprint  near-duplicate signature of its title and body
 * @param events       its events on the dyad, in the order it mentioned them; may be empty, since an article on a
 *                     dyad still moves the dyad's clock
 */
public record DyadReport(Dyad dyad, String articleId, String source, String url, boolean borderLabel,
                         TextFingerprint fingerprint, List<Event> events) {

    public DyadReport {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * One event of one article: its mentions of the same kind, date and actor folded together.
     *
     * @param kind        incident kind, from the event type
     * @param date        event date
     * @param actor       acting state, or null
     * @param target      target state, or null
     * @param weight      the strongest weight among the mentions
     * @param killed      the highest toll among the mentions, or null
     * @param place       a place the mentions name, or null
     * @param placeState  the state of that place, or null
     * @param best        the mention quoted as evidence
     */
    public record Event(String kind, LocalDate date, String actor, String target, double weight, Integer killed,
                        String place, String placeState, EventMention best) {

        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(best, "best");
        }
    }
}
