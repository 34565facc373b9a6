package org.flashpoint.analysis.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Json;

/**
 * Sentence-level cooperation vs conflict on the PLOVER gold-standard records (an array of records with
 * {@code event} and {@code text}): the analyzer's sign for a sentence is the sign of the first event it finds there
 * (wire style names the main event first: "X rejected Y's offer of talks"), whatever its modality, because the gold
 * codes the event a sentence names (a threat, a refusal) rather than whether it happened. A sentence with no event
 * found counts as wrong.
 */
public final class PloverEvaluation {

    /** Quad classes of the current PLOVER manual: verbal and material cooperation. */
    static final Set<String> COOPERATIVE = Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT");

    public record Result(int sentences, int right, int covered, List<String> wrong) {

        public double accuracy() {
            return sentences == 0 ? 0 : (double) right / sentences;
        }

        public String summary() {
            return String.format(Locale.ROOT, "plover_sentences=%d plover_coverage=%.2f plover_coop_conflict_acc=%.2f",
                    sentences, sentences == 0 ? 0 : (double) covered / sentences, accuracy());
        }
    }

    private PloverEvaluation() {
    }

    public static Result evaluate(Analyzer analyzer, Path goldFile) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(goldFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + goldFile, e);
        }
        int sentences = 0;
        int right = 0;
        int covered = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode record : root) {
            String event = record.path("event").asText("");
            String text = record.path("text").asText("");
            if (event.isEmpty() || text.isEmpty() || event.equals("DOCUMENT")) {
                continue;
            }
            sentences++;
            boolean gold = COOPERATIVE.contains(event);
            Article a = new Article(record.path("id").asText("plover-" + sentences), null, null, "", text, List.of(), "en",
                    Instant.parse("2000-01-01T00:00:00Z"), Article.TimeSource.PUBLISHED, Instant.EPOCH, goldFile.toString(), null);
            ClassifiedArticle c = analyzer.analyze(a);
            // The first event named is the sentence's main event in wire style ("X rejected Y's offer of talks").
            double sum = c.events().isEmpty() ? 0 : c.events().get(0).weight();
            if (sum != 0) {
                covered++;
            }
            if (sum != 0 && (sum > 0) == gold) {
                right++;
            } else {
                wrong.add(event + (sum == 0 ? " (no event found)" : " (found " + (sum > 0 ? "cooperation" : "conflict") + ")")
                        + ": " + text);
            }
        }
        return new Result(sentences, right, covered, wrong);
    }
}
