package org.flashpoint.streams.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.dedupe.ArticleDeduplicator;
import org.flashpoint.streams.dedupe.SeenArticles;
import org.flashpoint.streams.incidents.AnalyzedArticle;
import org.flashpoint.streams.incidents.DyadReport;
import org.flashpoint.streams.incidents.InMemoryOpenIncidents;
import org.flashpoint.streams.incidents.IncidentMerger;
import org.flashpoint.streams.incidents.IncidentSettings;
import org.flashpoint.streams.indicators.DyadActivity;
import org.flashpoint.streams.indicators.IndicatorCalculator;
import org.flashpoint.streams.indicators.IndicatorSettings;
import org.flashpoint.streams.indicators.InMemoryIndicatorStore;

/**
 * The stream processing without Kafka, for backtests and tools: articles go through the same dedupe, analysis,
 * incident and indicator code as the topology, in the order given (which should be event-time order, as a replay
 * into one partition would be), and come out in the order the topology emits them for a single-partition log.
 * Not thread-safe: one pipeline is one replay.
 */
public final class OfflinePipeline {

    private final Function<Article, ClassifiedArticle> analysis;
    private final ArticleDeduplicator deduplicator;
    private final IncidentMerger merger;
    private final IndicatorCalculator calculator;
    private final MapSeenArticles seen = new MapSeenArticles();
    private final InMemoryOpenIncidents openIncidents = new InMemoryOpenIncidents();
    private final InMemoryIndicatorStore indicatorStore = new InMemoryIndicatorStore();

    public OfflinePipeline(Function<Article, ClassifiedArticle> analysis, Duration dedupeRetention,
                           IncidentSettings incidents, IndicatorSettings indicators) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.deduplicator = new ArticleDeduplicator(dedupeRetention);
        this.merger = new IncidentMerger(incidents);
        this.calculator = new IndicatorCalculator(indicators);
    }

    /** A pipeline with the processing settings of a streams deployment. */
    public static OfflinePipeline of(Function<Article, ClassifiedArticle> analysis, StreamsSettings settings) {
        return new OfflinePipeline(analysis, settings.dedupeRetention(), settings.incidents(), settings.indicators());
    }

    /** A pipeline with the default settings of the streams role. */
    public static OfflinePipeline withDefaults(Function<Article, ClassifiedArticle> analysis) {
        return new OfflinePipeline(analysis, Duration.ofDays(7), IncidentSettings.DEFAULTS, IndicatorSettings.DEFAULTS);
    }

    /**
     * What one article produced on one dyad.
     *
     * @param update  incidents and indicators changed, as published on {@code dyad.updates}
     * @param late    the article missed at least one closed window of this dyad
     */
    public record Step(DyadUpdate update, boolean late) {
    }

    /**
     * What one article produced.
     *
     * @param classified  the analysis as published on {@code articles.classified}; null for a duplicate or a rejection
     * @param rejected    the rejection as published on {@code articles.rejected}; null otherwise
     * @param duplicate   the article id was seen within the dedupe retention
     * @param steps       per dyad, in the order the article was routed
     */
    public record Outcome(ClassifiedArticle classified, RejectedRecord rejected, boolean duplicate, List<Step> steps) {
    }

    /**
     * A whole replay.
     *
     * @param outcomes     per article, in input order
     * @param classified   every classified article
     * @param incidents    every incident update, in emission order
     * @param indicators   every indicator update, in emission order
     * @param rejected     every rejection
     * @param duplicates   articles dropped as duplicates
     * @param lateUpdates  dyad updates that missed a closed window
     */
    public record Result(List<Outcome> outcomes, List<ClassifiedArticle> classified, List<Incident> incidents,
                         List<DyadIndicator> indicators, List<RejectedRecord> rejected, int duplicates, int lateUpdates) {
    }

    /** Processes one article; call in event-time order. */
    public Outcome process(Article article) {
        Instant eventTime = article.published();
        if (!deduplicator.firstTime(seen, article.id(), eventTime)) {
            return new Outcome(null, null, true, List.of());
        }
        AnalyzedArticle analyzed;
        try {
            analyzed = AnalyzedArticle.of(article, analysis.apply(article));
        } catch (RuntimeException e) {
            RejectedRecord rejected = RejectedRecord.of("analysis_failed", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    article.origin(), "streams", eventTime, Json.write(article));
            return new Outcome(null, rejected, false, List.of());
        }
        List<Step> steps = new ArrayList<>();
        for (DyadReport report : merger.reports(analyzed, eventTime)) {
            Dyad dyad = report.dyad();
            List<Incident> changed = merger.merge(openIncidents, report, eventTime);
            IndicatorCalculator.Update update = calculator.update(indicatorStore,
                    new DyadActivity(dyad, article.id(), eventTime, changed));
            steps.add(new Step(new DyadUpdate(dyad, article.id(), eventTime, changed, update.indicators()), update.late()));
        }
        return new Outcome(analyzed.article(), null, false, steps);
    }

    /** Processes every article in order. */
    public Result run(List<Article> articles) {
        List<Outcome> outcomes = new ArrayList<>();
        List<ClassifiedArticle> classified = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        List<DyadIndicator> indicators = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int duplicates = 0;
        int late = 0;
        for (Article article : articles) {
            Outcome outcome = process(article);
            outcomes.add(outcome);
            if (outcome.duplicate()) {
                duplicates++;
            }
            if (outcome.classified() != null) {
                classified.add(outcome.classified());
            }
            if (outcome.rejected() != null) {
                rejected.add(outcome.rejected());
            }
            for (Step step : outcome.steps()) {
                incidents.addAll(step.update().incidents());
                indicators.addAll(step.update().indicators());
                late += step.late() ? 1 : 0;
            }
        }
        return new Result(outcomes, classified, incidents, indicators, rejected, duplicates, late);
    }

    private static final class MapSeenArticles implements SeenArticles {
        private final Map<String, List<Instant>> times = new HashMap<>();

        @Override
        public boolean seenBetween(String id, Instant from, Instant to) {
            return times.getOrDefault(id, List.of()).stream().anyMatch(t -> !t.isBefore(from) && !t.isAfter(to));
        }

        @Override
        public void remember(String id, Instant eventTime) {
            times.computeIfAbsent(id, k -> new ArrayList<>()).add(eventTime);
        }
    }
}
