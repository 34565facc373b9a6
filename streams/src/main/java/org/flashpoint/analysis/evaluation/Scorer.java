package org.flashpoint.analysis.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Labels;

/** Scores classifier output against labeled cases with the measures of LABELING.md ("Scoring"). */
public final class Scorer {

    static final List<String> LABELS = List.of("escalation", "de_escalation", "border_incident", "diplomatic_visit");

    private final int[][] labelCounts = new int[4][3]; // tp, fp, fn
    private final int[][] confusion = new int[3][3];
    private int cases;
    private int directionRight;
    private int dyadTp;
    private int dyadFp;
    private int dyadFn;
    private int headlineCases;
    private int headlineRight;
    private int killedCases;
    private int killedRight;
    private int negatives;
    private int falseAlarms;
    private final List<String> wrong = new ArrayList<>();

    public void add(LabeledCase expected, ClassifiedArticle actual) {
        cases++;
        boolean[] e = flags(expected.labels());
        boolean[] a = flags(actual.labels());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (e[i] && a[i]) {
                labelCounts[i][0]++;
            } else if (a[i]) {
                labelCounts[i][1]++;
                problems.add(LABELS.get(i) + " predicted but not labeled");
            } else if (e[i]) {
                labelCounts[i][2]++;
                problems.add(LABELS.get(i) + " labeled but missed");
            }
        }
        confusion[expected.direction().ordinal()][actual.direction().ordinal()]++;
        if (expected.direction() == actual.direction()) {
            directionRight++;
        } else {
            problems.add("direction " + actual.direction() + ", labeled " + expected.direction());
        }
        Set<Dyad> exp = new HashSet<>(expected.dyads());
        Set<Dyad> act = new HashSet<>(actual.dyads());
        for (Dyad d : act) {
            if (exp.contains(d)) {
                dyadTp++;
            } else {
                dyadFp++;
            }
        }
        for (Dyad d : exp) {
            if (!act.contains(d)) {
                dyadFn++;
            }
        }
        if (!exp.equals(act)) {
            problems.add("dyads " + actual.dyads() + ", labeled " + expected.dyads());
        }
        if (!expected.dyads().isEmpty()) {
            headlineCases++;
            if (expected.dyads().get(0).equals(actual.headlineDyad())) {
                headlineRight++;
            } else {
                problems.add("headline dyad " + actual.headlineDyad() + ", labeled " + expected.dyads().get(0));
            }
        }
        if (expected.killed() != null) {
            killedCases++;
            if (expected.killed().equals(actual.killed())) {
                killedRight++;
            }
        }
        if (!Objects.equals(expected.killed(), actual.killed())) {
            problems.add("killed " + actual.killed() + ", labeled " + expected.killed());
        }
        if (expected.negative()) {
            negatives++;
            if (actual.labels().any()) {
                falseAlarms++;
            }
        }
        if (!problems.isEmpty()) {
            wrong.add("WRONG " + expected.id() + " (" + expected.file() + "): " + String.join("; ", problems));
            wrong.addAll(evidence(expected, actual));
        }
    }

    /**
     * The events that decided what went wrong: for a label predicted wrongly, the counted events of its polarity;
     * for a label missed, the candidates that did not count (modality, no pair); for direction, the pair's events
     * in the title and lead; for dyads, the events of pairs wrongly reported; for the toll, the events carrying one.
     */
    private static List<String> evidence(LabeledCase expected, ClassifiedArticle actual) {
        Set<Dyad> reported = new HashSet<>(actual.dyads());
        Set<Dyad> labeled = new HashSet<>(expected.dyads());
        boolean[] e = flags(expected.labels());
        boolean[] a = flags(actual.labels());
        List<String> out = new ArrayList<>();
        for (EventMention m : actual.events()) {
            boolean counted = m.dyad() != null && reported.contains(m.dyad()) && m.modality().countsAsNews();
            boolean show = false;
            if (m.conflictual()) {
                show |= (a[0] && !e[0] || a[2] && !e[2]) && counted;
                show |= (e[0] && !a[0] || e[2] && !a[2]) && !counted;
            } else {
                show |= (a[1] && !e[1] || a[3] && !e[3]) && counted;
                show |= (e[1] && !a[1] || e[3] && !a[3]) && !counted;
            }
            show |= expected.direction() != actual.direction() && counted && m.sentence() <= 3
                    && m.dyad().equals(actual.headlineDyad());
            show |= m.dyad() != null && counted && !labeled.contains(m.dyad());
            show |= !Objects.equals(expected.killed(), actual.killed()) && m.killed() != null;
            if (show) {
                out.add(line(m));
            }
        }
        return out.size() > 15 ? out.subList(0, 15) : out;
    }

    private static String line(EventMention m) {
        String quote = m.quote().replaceAll("\\s+", " ");
        if (quote.length() > 160) {
            quote = quote.substring(0, 157) + "...";
        }
        return String.format(Locale.ROOT, "    s%d %-17s %s->%s %-12s %-11s cue=\"%s\" \"%s\"", m.sentence(), m.type(),
                m.actor(), m.target(), m.dyad() == null ? "-" : m.dyad().toString(), m.modality(), m.cue(), quote);
    }

    private static boolean[] flags(Labels l) {
        return new boolean[] {l.escalation(), l.deEscalation(), l.borderIncident(), l.diplomaticVisit()};
    }

    public Report report() {
        double[] p = new double[4];
        double[] r = new double[4];
        double[] f = new double[4];
        double macro = 0;
        for (int i = 0; i < 4; i++) {
            int tp = labelCounts[i][0];
            int fp = labelCounts[i][1];
            int fn = labelCounts[i][2];
            p[i] = ratio(tp, tp + fp);
            r[i] = ratio(tp, tp + fn);
            f[i] = p[i] + r[i] == 0 ? 0 : 2 * p[i] * r[i] / (p[i] + r[i]);
            macro += f[i] / 4;
        }
        double dp = ratio(dyadTp, dyadTp + dyadFp);
        double dr = ratio(dyadTp, dyadTp + dyadFn);
        double dyadF1 = dp + dr == 0 ? 0 : 2 * dp * dr / (dp + dr);
        int[][] conf = new int[3][];
        for (int i = 0; i < 3; i++) {
            conf[i] = confusion[i].clone();
        }
        return new Report(cases, p, r, f, macro, ratio(directionRight, cases), conf, dyadF1, ratio(headlineRight, headlineCases),
                killedCases, ratio(killedRight, killedCases), negatives, negatives == 0 ? 0.0 : (double) falseAlarms / negatives,
                List.copyOf(wrong));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    /** The scores; {@link #lines()} renders them with the compact summary as the last line. */
    public record Report(int cases, double[] precision, double[] recall, double[] f1, double macroF1, double directionAccuracy,
                         int[][] confusion, double dyadF1, double headlineDyadAccuracy, int killedCases, double killedExact,
                         int negatives, double falseAlarmRate, List<String> wrongCases) {

        public List<String> lines() {
            List<String> out = new ArrayList<>(wrongCases);
            out.add("");
            out.add("cases: " + cases);
            out.add(String.format(Locale.ROOT, "%-17s %9s %7s %7s", "label", "precision", "recall", "f1"));
            for (int i = 0; i < 4; i++) {
                out.add(String.format(Locale.ROOT, "%-17s %9.2f %7.2f %7.2f", LABELS.get(i), precision[i], recall[i], f1[i]));
            }
            out.add(String.format(Locale.ROOT, "macro-F1 %.2f", macroF1));
            out.add(String.format(Locale.ROOT, "direction accuracy %.2f; confusion (rows labeled, columns predicted):", directionAccuracy));
            out.add(String.format(Locale.ROOT, "%-14s %10s %13s %8s", "", "ESCALATION", "DE_ESCALATION", "NEUTRAL"));
            for (Direction d : Direction.values()) {
                out.add(String.format(Locale.ROOT, "%-14s %10d %13d %8d", d, confusion[d.ordinal()][0], confusion[d.ordinal()][1],
                        confusion[d.ordinal()][2]));
            }
            out.add(String.format(Locale.ROOT, "dyad micro-F1 %.2f; headline dyad accuracy %.2f", dyadF1, headlineDyadAccuracy));
            out.add(String.format(Locale.ROOT, "killed exact %.2f over %d cases with a toll", killedExact, killedCases));
            out.add(String.format(Locale.ROOT, "false alarms %.2f of %d negatives", falseAlarmRate, negatives));
            out.add(summary());
            return out;
        }

        public String summary() {
            return String.format(Locale.ROOT,
                    "macro_f1=%.2f direction_acc=%.2f dyad_f1=%.2f headline_dyad_acc=%.2f killed_exact=%.2f false_alarm_rate=%.2f",
                    macroF1, directionAccuracy, dyadF1, headlineDyadAccuracy, killedExact, falseAlarmRate);
        }
    }
}
