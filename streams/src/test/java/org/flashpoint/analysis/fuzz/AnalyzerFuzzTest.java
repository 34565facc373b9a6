package org.flashpoint.analysis.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;

/**
 * Hostile text for the analyzer: whatever the title and body, analysis returns a classified article for the same id
 * and publication time, never an exception. In the normal build the saved inputs are replayed
 * (src/test/resources/.../AnalyzerFuzzTestInputs/); {@code mvn -Pfuzz} fuzzes (see this module's pom).
 */
class AnalyzerFuzzTest {

    private static final Analyzer ANALYZER = Analyzer.loadDefault();
    private static final Instant PUBLISHED = Instant.parse("2025-05-02T08:00:00Z");

    @FuzzTest(maxExecutions = 100_000)
    void any_article_text_is_analysed_without_failing(FuzzedDataProvider data) {
        String title = data.consumeString(200);
        String text = data.consumeRemainingAsString();
        Article article = new Article("fuzz", "fuzz-source", null, title, text, List.of(), "en", PUBLISHED,
                Article.TimeSource.PUBLISHED, PUBLISHED, "fuzz", Map.of());

        ClassifiedArticle result = ANALYZER.analyze(article);

        assertThat(result.id()).isEqualTo("fuzz");
        assertThat(result.published()).isEqualTo(PUBLISHED);
        assertThat(result.events()).isNotNull();
    }
}
