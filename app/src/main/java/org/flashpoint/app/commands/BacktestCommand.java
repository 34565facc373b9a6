package org.flashpoint.app.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flashpoint.alerts.backtest.Backtest;
import org.flashpoint.alerts.backtest.Timeline;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the alert rules offline over a corpus with the same code as the live roles, and prints the alert timeline. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Run the alert rules offline over a corpus and print the alert timeline.",
                "Files are read as 'flashpoint replay' reads them and replayed in publication order through the",
                "same analysis, incident, indicator and alert code as the live roles, without Kafka and without",
                "a clock: the same corpus and rules always print the same timeline."})
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", description = "Rules file (YAML, see rules.md); default: the bundled rules.")
    Path rules;

    @Option(names = "--json", description = "Print one alert notice per line (NDJSON, as on the 'alerts' topic) instead of a table.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Corpus files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        RuleSet ruleSet = rules == null ? RuleSet.loadDefault() : RuleSet.load(rules);
        PrintWriter err = spec.commandLine().getErr();
        // The wall clock only bounds future dates here; no article is placed in time by it.
        CorpusBatch corpus = Corpus.read(paths, Instant.now());
        corpus.rejected().forEach(r -> err.println("rejected " + r.origin() + ": " + r.message()));
        List<Article> placed = new ArrayList<>();
        for (Article article : corpus.articles()) {
            if (article.timeSource() == Article.TimeSource.INGEST_TIME) {
                err.println("skipped " + article.origin() + ": no publication time, so no place on a timeline");
            } else {
                placed.add(article);
            }
        }
        Timeline timeline = new Backtest(ruleSet, Analyzer.loadDefault()::analyze).run(placed);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? timeline.ndjson() : timeline.table());
        out.flush();
        err.flush();
        return 0;
    }
}
