package org.flashpoint.app.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.streams.offline.OfflinePipeline;

/**
 * What the pipeline does after the analysis, without Kafka: fingerprints, incident merging and indicators of every
 * article, through the offline pipeline (the topology's code over in-memory state), on one thread.
 */
final class IncidentsBench {

    private IncidentsBench() {
    }

    /** Articles per second on one thread; the analyses are made beforehand and not timed. */
    static double run(Analyzer analyzer, List<Article> articles) {
        List<Article> stamped = WorkloadProfile.stamped(articles, articles.size());
        Map<String, ClassifiedArticle> analyses = stamped.stream()
                .collect(Collectors.toMap(Article::id, analyzer::analyze, (a, b) -> a));
        Function<Article, ClassifiedArticle> analysis = article -> analyses.get(article.id());
        // Warm-up in a pipeline of its own, so the timed one starts with empty state as the bench's pipeline does.
        OfflinePipeline.withDefaults(analysis).run(stamped.subList(0, Math.min(stamped.size(), 2_000)));
        OfflinePipeline pipeline = OfflinePipeline.withDefaults(analysis);
        long start = System.nanoTime();
        stamped.forEach(pipeline::process);
        return stamped.size() / ((System.nanoTime() - start) / 1e9);
    }
}
