package org.flashpoint.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Labels;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final Dyad IRN_PAK = Dyad.of("IRN", "PAK");
    private static final Dyad IRN_IRQ = Dyad.of("IRN", "IRQ");

    private static LabeledCase labeled(String id, List<Dyad> dyads, Labels labels, Direction direction, Integer killed) {
        Article a = new Article(id, null, null, "", "text", List.of(), "en", Instant.EPOCH, null, Instant.EPOCH, id, null);
        return new LabeledCase(id, id + ".json", a, dyads, labels, direction, killed);
    }

    private static ClassifiedArticle predicted(String id, List<Dyad> dyads, Labels labels, Direction direction, Integer killed) {
        return new ClassifiedArticle(id, "", null, null, Instant.EPOCH, dyads, labels, direction, killed, List.of(), "v");
    }

    @Test
    void scoresFollowLabelingMd() {
        Scorer scorer = new Scorer();
        Labels esc = new Labels(true, false, true, false);
        scorer.add(labeled("a", List.of(IRN_PAK, IRN_IRQ), esc, Direction.ESCALATION, 2),
                predicted("a", List.of(IRN_PAK), esc, Direction.ESCALATION, 2));
        scorer.add(labeled("b", List.of(IRN_PAK), new Labels(false, true, false, true), Direction.DE_ESCALATION, null),
                predicted("b", List.of(IRN_IRQ), new Labels(false, true, false, false), Direction.NEUTRAL, null));
        scorer.add(labeled("n", List.of(), Labels.NONE, Direction.NEUTRAL, null),
                predicted("n", List.of(), new Labels(true, false, false, false), Direction.NEUTRAL, null));
        Scorer.Report r = scorer.report();
        assertThat(r.f1()[0]).isEqualTo(2 * 0.5 * 1.0 / 1.5);  // escalation: 1 tp, 1 fp
        assertThat(r.f1()[1]).isEqualTo(1.0);
        assertThat(r.f1()[2]).isEqualTo(1.0);
        assertThat(r.f1()[3]).isEqualTo(0.0);                  // the one visit was missed
        assertThat(r.directionAccuracy()).isEqualTo(2.0 / 3);
        assertThat(r.confusion()[Direction.DE_ESCALATION.ordinal()][Direction.NEUTRAL.ordinal()]).isEqualTo(1);
        assertThat(r.dyadF1()).isEqualTo(2 * 0.5 / 3 / (0.5 + 1.0 / 3)); // 1 tp, 1 fp, 2 fn
        assertThat(r.headlineDyadAccuracy()).isEqualTo(0.5);
        assertThat(r.killedExact()).isEqualTo(1.0);
        assertThat(r.falseAlarmRate()).isEqualTo(1.0);
        assertThat(r.lines()).last().isEqualTo(r.summary());
        assertThat(r.summary()).startsWith("macro_f1=0.67 direction_acc=0.67 dyad_f1=0.40");
        assertThat(r.wrongCases()).contains("WRONG a (a.json): dyads [IRN-PAK], labeled [IRN-PAK, IRN-IRQ]",
                "WRONG n (n.json): escalation predicted but not labeled");
    }
}
