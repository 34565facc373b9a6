package org.flashpoint.alerts.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.flashpoint.alerts.lifecycle.AlertEngine;
import org.flashpoint.alerts.lifecycle.InMemoryAlertStore;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Incident;
import org.flashpoint.streams.offline.OfflinePipeline;

/**
 * The alerting offline: articles → {@link OfflinePipeline} (the streams role's code) → {@link AlertEngine} (the alerts
 * topology's code) → the alert timeline. No Kafka, no clock: the same articles and rules give the same timeline.
 */
public final class Backtest {

    private final RuleSet rules;
    private final Function<Article, ClassifiedArticle> analysis;

    /** @param analysis the analysis engine (the production one is {@code Analyzer.loadDefault()::analyze}) */
    public Backtest(RuleSet rules, Function<Article, ClassifiedArticle> analysis) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /** Replays {@code articles} in publication order (ties keep the given order), as one partition would. */
    public Timeline run(List<Article> articles) {
        List<Article> ordered = articles.stream().sorted(Comparator.comparing(Article::published)).toList();
        OfflinePipeline pipeline = OfflinePipeline.withDefaults(analysis);
        AlertEngine engine = new AlertEngine(rules);
        InMemoryAlertStore store = new InMemoryAlertStore();
        List<AlertNotice> notices = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        int duplicates = 0;
        int rejected = 0;
        for (Article article : ordered) {
            OfflinePipeline.Outcome outcome = pipeline.process(article);
            duplicates += outcome.duplicate() ? 1 : 0;
            rejected += outcome.rejected() != null ? 1 : 0;
            for (OfflinePipeline.Step step : outcome.steps()) {
                // What the alerts topology reads from dyad.updates, in the order the streams role writes it.
                incidents.addAll(step.update().incidents());
                add(notices, engine.onUpdate(store, step.update()));
            }
        }
        return new Timeline(notices, incidents, ordered.size(), duplicates, rejected);
    }

    private static void add(List<AlertNotice> notices, List<Alert> changes) {
        changes.forEach(alert -> notices.add(AlertNotice.of(alert)));
    }
}
