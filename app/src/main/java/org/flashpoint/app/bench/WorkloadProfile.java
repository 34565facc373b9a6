package org.flashpoint.app.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.streams.offline.OfflinePipeline;

/**
 * How much work a stream of articles gives the pipeline, per article, measured with the offline pipeline (the same
 * analysis, incident and indicator code as the topology). The benchmark prints this for its own articles beside the
 * figures of real news, so a throughput can be read against the workload that produced it.
 *
 * @param articles          articles measured
 * @param dyads             pairs of states per article
 * @param events            event mentions per article
 * @param incidentUpdates   incidents opened or updated per article (records on {@code incidents})
 * @param indicatorRecords  indicator windows updated per article (records on {@code indicators}); depends on how the
 *                          publication times are spread as well as on the texts
 */
public record WorkloadProfile(int articles, double dyads, double events, double incidentUpdates, double indicatorRecords) {

    /**
     * Real news: the labeled dev corpus ({@code ../shared/corpus/dev}, 38 articles, read with the replay's corpus
     * reader and run in publication order), measured 2026-12-02. Its indicator records (11.7 per article) come from
     * publication dates spread over months, so they are not compared with a benchmark's. {@code SyntheticArticlesTest}
     * checks these figures against the corpus where it is present.
     */
    public static final WorkloadProfile DEV_CORPUS = new WorkloadProfile(38, 1.13, 14.87, 5.21, 11.66);

    // A fixed start keeps the printed workload the same from run to run: weekday names in the texts resolve against it.
    private static final Instant SAMPLE_START = Instant.parse("2026-01-05T12:00:00Z");

    /** Runs {@code articles} in the order given (event-time order) through a fresh pipeline with default settings. */
    public static WorkloadProfile measure(Function<Article, ClassifiedArticle> analysis, List<Article> articles) {
        OfflinePipeline pipeline = OfflinePipeline.withDefaults(analysis);
        long dyads = 0;
        long events = 0;
        long incidents = 0;
        long indicators = 0;
        for (Article article : articles) {
            OfflinePipeline.Outcome outcome = pipeline.process(article);
            if (outcome.classified() != null) {
                dyads += outcome.classified().dyads().size();
                events += outcome.classified().events().size();
            }
            for (OfflinePipeline.Step step : outcome.steps()) {
                incidents += step.update().incidents().size();
                indicators += step.update().indicators().size();
            }
        }
        double n = Math.max(1, articles.size());
        return new WorkloadProfile(articles.size(), dyads / n, events / n, incidents / n, indicators / n);
    }

    /**
     * The first {@code sample} benchmark articles, published one millisecond apart as the benchmark sends them
     * (it stamps each with its send time).
     */
    public static WorkloadProfile ofBenchArticles(Function<Article, ClassifiedArticle> analysis, List<Article> articles,
                                                  int sample) {
        return measure(analysis, stamped(articles, sample));
    }

    /** The first {@code count} articles published one millisecond apart from a fixed start, as the profile runs them. */
    static List<Article> stamped(List<Article> articles, int count) {
        return IntStream.range(0, Math.min(count, articles.size()))
                .mapToObj(i -> SyntheticArticles.restamp(articles.get(i), articles.get(i).id(), SAMPLE_START.plusMillis(i)))
                .toList();
    }

    /** E.g. {@code 1.10 dyads, 14.12 events, 5.43 incident updates, 10.4 indicator records per article}. */
    public String summary() {
        return String.format(Locale.ROOT, "%.2f dyads, %.2f events, %.2f incident updates, %.1f indicator records per article",
                dyads, events, incidentUpdates, indicatorRecords);
    }

    /** The summary of this sample beside the real-news reference. */
    public String againstDevCorpus() {
        return String.format(Locale.ROOT, "%s (first %d articles; real news, dev corpus 2026-12-02: %.2f dyads, %.2f events, %.2f incident updates)",
                summary(), articles, DEV_CORPUS.dyads, DEV_CORPUS.events, DEV_CORPUS.incidentUpdates);
    }
}
