package org.flashpoint.app.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.analysis.evaluation.LabeledCase;
import org.flashpoint.analysis.evaluation.LabeledCases;
import org.flashpoint.analysis.evaluation.PloverEvaluation;
import org.flashpoint.analysis.evaluation.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scores the analyzer against labeled files; the last line is a compact summary. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the classifier against labeled JSON files (LABELING.md format): per-label precision/recall/F1,",
                "macro-F1, direction accuracy and confusion matrix, dyad micro-F1 and headline-dyad accuracy, 'killed'",
                "exact rate, false-alarm rate on negatives, and for each wrong case the evidence that decided it.",
                "A directory with a manifest.jsonl (labels + .txt files) is read as such. The last line is a summary."})
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Directories of labeled *.json files (or with a manifest.jsonl).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--plover", paramLabel = "FILE",
            description = "Also score sentence-level cooperation vs conflict on PLOVER gold-standard records (a JSON array).")
    Path plover;

    @Option(names = "--quiet", description = "Print the scores only, not the wrong cases.")
    boolean quiet;

    @Override
    public Integer call() {
        if (dirs.isEmpty() && plover == null) {
            System.err.println("flashpoint evaluate: give at least one DIR or --plover FILE");
            return 2;
        }
        Analyzer analyzer = Analyzer.loadDefault();
        System.out.println("analyzer_version=" + analyzer.version());
        List<String> summary = new ArrayList<>();
        if (!dirs.isEmpty()) {
            Scorer scorer = new Scorer();
            for (Path dir : dirs) {
                for (LabeledCase c : LabeledCases.readDirectory(dir)) {
                    scorer.add(c, analyzer.analyze(c.article()));
                }
            }
            Scorer.Report report = scorer.report();
            List<String> lines = report.lines();
            (quiet ? lines.subList(report.wrongCases().size(), lines.size()) : lines).forEach(System.out::println);
            summary.add(report.summary());
        }
        if (plover != null) {
            PloverEvaluation.Result result = PloverEvaluation.evaluate(analyzer, plover);
            if (!quiet) {
                result.wrong().forEach(w -> System.out.println("WRONG plover " + w));
            }
            System.out.println(result.summary());
            summary.add(result.summary());
        }
        if (summary.size() > 1) {
            System.out.println(String.join(" ", summary));
        }
        return 0;
    }
}
