package org.flashpoint.analysis.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.junit.jupiter.api.Test;

class ArticleLinesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void badLinesAreReportedWithTheirNumberAndTheRestIsRead() {
        String input = """
                {"id":"a","title":"T","text":"Body","published":"2024-01-17","source":"s","url":"u","extra":1}
                not json

                {"title":"no id","text":"x"}
                {"id":"b","text":"no date"}
                {"id":"c","text":"x","published":"yesterday"}
                """;
        List<Article> articles = new ArrayList<>();
        List<ArticleLines.Problem> problems = new ArrayList<>();
        ArticleLines.read(new BufferedReader(new StringReader(input)), "stdin", NOW, articles::add, problems::add);
        assertThat(articles).extracting(Article::id).containsExactly("a", "b");
        assertThat(articles.get(0).published()).isEqualTo(Instant.parse("2024-01-17T00:00:00Z"));
        assertThat(articles.get(1).published()).isEqualTo(NOW);
        assertThat(articles.get(1).timeSource()).isEqualTo(Article.TimeSource.INGEST_TIME);
        assertThat(problems).extracting(ArticleLines.Problem::line).containsExactly(2, 4, 6);
        assertThat(problems.get(1).toString()).isEqualTo("stdin:4: no 'id'");
    }
}
