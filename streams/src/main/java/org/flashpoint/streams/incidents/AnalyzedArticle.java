package org.flashpoint.streams.incidents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;

/**
 * A classified article with the fingerprint of its text, which the incident step needs to tell syndicated copies
 * from independent reports but which {@code articles.classified} does not carry.
 *
 * @param article      the analysis
 * @param fingerprint  near-duplicate signature of title and body
 */
public record AnalyzedArticle(ClassifiedArticle article, TextFingerprint fingerprint) {

    public AnalyzedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static AnalyzedArticle of(Article article, ClassifiedArticle classified) {
        return new AnalyzedArticle(classified, TextFingerprint.of(article.title() + "\n\n" + article.text()));
    }

    /** Every dyad the article concerns: the classified ones first, then those only its asserted mentions name. */
    public List<Dyad> dyads() {
        Set<Dyad> dyads = new LinkedHashSet<>(article.dyads());
        for (EventMention m : article.events()) {
            if (m.dyad() != null && m.modality().countsAsNews()) {
                dyads.add(m.dyad());
            }
        }
        return new ArrayList<>(dyads);
    }
}
