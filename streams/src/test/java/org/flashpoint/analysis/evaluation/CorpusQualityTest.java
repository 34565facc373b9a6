package org.flashpoint.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.ClassifiedArticle;
import org.junit.jupiter.api.Test;

/** The quality targets of issue 5 on the shared corpora (read from the {@code flashpoint.shared} directory). */
class CorpusQualityTest {

    private static final Analyzer ANALYZER = Analyzer.loadDefault();

    private static Path shared(String relative) {
        String root = System.getProperty("flashpoint.shared");
        assumeTrue(root != null && Files.exists(Path.of(root, relative)), "shared corpus not available");
        return Path.of(root, relative);
    }

    @Test
    void theDevelopmentSetMeetsEveryTarget() {
        Scorer scorer = new Scorer();
        List<LabeledCase> cases = LabeledCases.readDirectory(shared("corpus/dev"));
        for (LabeledCase c : cases) {
            scorer.add(c, ANALYZER.analyze(c.article()));
        }
        Scorer.Report r = scorer.report();
        assertThat(r.cases()).isEqualTo(cases.size()).isPositive();
        assertThat(r.macroF1()).as(r.summary()).isGreaterThanOrEqualTo(0.92);
        assertThat(r.directionAccuracy()).as(r.summary()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.dyadF1()).as(r.summary()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.killedExact()).as(r.summary()).isGreaterThanOrEqualTo(0.70);
        assertThat(r.falseAlarmRate()).as(r.summary()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void everySeedHasAllLabelsAndTheHeadlineDyadRight() {
        for (LabeledCase c : LabeledCases.readDirectory(shared("corpus/seeds"))) {
            ClassifiedArticle a = ANALYZER.analyze(c.article());
            assertThat(a.labels()).as(c.id()).isEqualTo(c.labels());
            assertThat(a.headlineDyad()).as(c.id()).isEqualTo(c.dyads().isEmpty() ? null : c.dyads().get(0));
        }
    }

    @Test
    void ploverSentencesAreToldCooperationFromConflict() {
        PloverEvaluation.Result r = PloverEvaluation.evaluate(ANALYZER, shared("corpus/external/plover-gsr/PLOVER_GSR_CAMEO.txt"));
        assertThat(r.sentences()).isEqualTo(322);
        assertThat(r.accuracy()).as(r.summary()).isGreaterThanOrEqualTo(0.85);
    }
}
