package org.flashpoint.heldout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.analysis.evaluation.LabeledCase;
import org.flashpoint.analysis.evaluation.LabeledCases;
import org.flashpoint.analysis.evaluation.Scorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the default analyzer on the synthetic held-out set (other regions and crises than the dev corpus it was
 * tuned on) with the same scorer as {@code flashpoint evaluate}, and holds it to generalisation floors. A failure
 * message carries the whole report, wrong cases and their evidence included.
 */
class HeldOutEvaluationTest {

    private static List<LabeledCase> cases;
    private static Scorer.Report report;

    @BeforeAll
    static void scoreTheHeldOutSet() throws URISyntaxException {
        Path dir = Path.of(HeldOutEvaluationTest.class.getResource("/org/flashpoint/heldout").toURI());
        cases = LabeledCases.readDirectory(dir);
        Analyzer analyzer = Analyzer.loadDefault();
        Scorer scorer = new Scorer();
        for (LabeledCase c : cases) {
            scorer.add(c, analyzer.analyze(c.article()));
        }
        report = scorer.report();
    }

    private static String details() {
        return String.join(System.lineSeparator(), report.lines());
    }

    @Test
    void theSetHasEnoughCasesOfEveryKindToMeasureAnything() {
        assertThat(cases).hasSizeBetween(45, 60);
        assertThat(cases.stream().filter(LabeledCase::negative).count()).isGreaterThanOrEqualTo(10);
        assertThat(cases.stream().filter(c -> c.killed() != null).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void macroF1OverTheFourLabelsIsAtLeastPointEight() {
        assertThat(report.macroF1()).withFailMessage("macro-F1 %.2f < 0.80%n%s", report.macroF1(), details())
                .isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void directionIsRightForAtLeastThreeQuartersOfTheArticles() {
        assertThat(report.directionAccuracy()).withFailMessage("direction accuracy %.2f < 0.75%n%s", report.directionAccuracy(), details())
                .isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void dyadMicroF1IsAtLeastPointEight() {
        assertThat(report.dyadF1()).withFailMessage("dyad micro-F1 %.2f < 0.80%n%s", report.dyadF1(), details())
                .isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void atMostOneNegativeInFiveRaisesAnyLabel() {
        assertThat(report.falseAlarmRate()).withFailMessage("false-alarm rate %.2f > 0.20%n%s", report.falseAlarmRate(), details())
                .isLessThanOrEqualTo(0.20);
    }
}
