package org.flashpoint.ingest.corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.RejectedRecord;

/**
 * What reading a corpus produced.
 *
 * @param articles   accepted articles in publication-time order (stable for ties)
 * @param rejected   every rejection, duplicates included, with its reason
 * @param duplicates how many of {@code rejected} are duplicates of an accepted article
 */
public record CorpusBatch(List<Article> articles, List<RejectedRecord> rejected, int duplicates) {

    public CorpusBatch {
        articles = List.copyOf(articles);
        rejected = List.copyOf(rejected);
    }

    /** Rejection counts by reason code, sorted by code. */
    public Map<String, Integer> rejectedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        rejected.forEach(r -> counts.merge(r.reason(), 1, Integer::sum));
        return counts;
    }
}
