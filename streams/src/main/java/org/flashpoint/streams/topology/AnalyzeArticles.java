package org.flashpoint.streams.topology;

import java.util.function.Function;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.streams.incidents.AnalyzedArticle;

/** Runs the analysis engine on one article; an engine failure rejects that article only. */
final class AnalyzeArticles extends GuardedProcessor<Article, AnalyzedArticle> {

    private final Function<Article, ClassifiedArticle> analysis;
    private Sensor analyzed;

    AnalyzeArticles(Function<Article, ClassifiedArticle> analysis) {
        super("analysis_failed");
        this.analysis = analysis;
    }

    @Override
    void open(ProcessorContext<String, Outcome<AnalyzedArticle>> context) {
        analyzed = Metrics.counter(context, Metrics.ANALYZED_ARTICLES);
    }

    @Override
    void handle(Record<String, Article> record) {
        emit(record, record.key(), AnalyzedArticle.of(record.value(), analysis.apply(record.value())));
        analyzed.record();
    }
}
