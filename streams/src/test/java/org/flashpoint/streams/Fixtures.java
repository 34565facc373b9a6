package org.flashpoint.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Labels;
import org.flashpoint.contracts.Modality;

/** Hand-made articles and analyses, so merge and window tests do not depend on the analysis engine. */
public final class Fixtures {

    public static final Dyad IRN_PAK = Dyad.of("IRN", "PAK");
    public static final Labels BORDER_ESCALATION = new Labels(true, false, true, false);
    public static final Labels VISIT = new Labels(false, true, false, true);

    private Fixtures() {
    }

    public static Instant at(String isoDateTime) {
        return Instant.parse(isoDateTime);
    }

    public static Article article(String id, String source, Instant published, String text) {
        return new Article(id, source, "https://" + source + "/" + id, "", text, List.of(), "en", published,
                Article.TimeSource.PUBLISHED, published, "test", null);
    }

    public static EventMention mention(String type, String actor, String target, LocalDate date, Modality modality,
                                       double weight, Integer killed, String quote) {
        return placedMention(type, actor, target, date, modality, weight, killed, quote, null, null);
    }

    /** A mention whose sentence names a province or border region of {@code placeState}. */
    public static EventMention placedMention(String type, String actor, String target, LocalDate date, Modality modality,
                                             double weight, Integer killed, String quote, String place, String placeState) {
        Dyad dyad = actor != null && target != null ? Dyad.of(actor, target) : IRN_PAK;
        return new EventMention(type, actor, target, dyad, 1, 0, quote.length(), quote, type, date, modality, 0.9, weight,
                killed, place, placeState);
    }

    public static EventMention strike(String actor, String target, LocalDate date, Integer killed, String quote) {
        return mention("assault", actor, target, date, Modality.ASSERTED, -9.0, killed, quote);
    }

    public static ClassifiedArticle classified(Article article, Labels labels, EventMention... mentions) {
        Direction direction = List.of(mentions).stream().anyMatch(EventMention::conflictual) ? Direction.ESCALATION : Direction.DE_ESCALATION;
        return new ClassifiedArticle(article.id(), article.title(), article.source(), article.url(), article.published(),
                List.of(IRN_PAK), labels, direction, null, List.of(mentions), "test");
    }

    /** A distinct news text of about sixty words: numbered so that no two share a run of four words. */
    public static String text(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("w").append(n).append('x').append(i).append(' ');
        }
        return text.toString().trim();
    }
}
