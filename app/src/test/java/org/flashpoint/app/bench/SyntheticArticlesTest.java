package org.flashpoint.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Json;
import org.flashpoint.ingest.corpus.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's articles: about 4 KiB of JSON, reproducible from the seed, and as dense in events as real news. */
class SyntheticArticlesTest {

    /** The seed {@link Bench} generates with. */
    private static final long SEED = 20_240_101L;
    private static final int SAMPLE = 500;
    /** How far the sample's dyads, events and incident updates per article may lie from real news. */
    private static final int TOLERANCE_PERCENT = 25;

    private static final Analyzer ANALYZER = Analyzer.loadDefault();
    private static List<Article> articles;
    private static WorkloadProfile sample;

    @BeforeAll
    static void generate() {
        articles = SyntheticArticles.generate(SAMPLE, SEED);
        sample = WorkloadProfile.ofBenchArticles(ANALYZER::analyze, articles, SAMPLE);
    }

    @Test
    void every_article_is_between_3_5_and_4_6_kib_of_json() {
        for (Article article : articles) {
            int bytes = Json.write(SyntheticArticles.restamp(article, article.id(), Instant.now())).length;
            assertThat(bytes).as(article.id()).isBetween(3_584, 4_710);
        }
    }

    @Test
    void the_same_seed_gives_the_same_articles_and_another_seed_other_articles() {
        assertThat(SyntheticArticles.generate(SAMPLE, SEED)).isEqualTo(articles);
        List<String> otherTexts = SyntheticArticles.generate(SAMPLE, SEED + 1).stream().map(Article::text).toList();
        assertThat(otherTexts).doesNotContainAnyElementsOf(articles.stream().map(Article::text).toList());
    }

    @Test
    void escalations_calmings_and_neutral_news_each_make_a_tenth_or_more_and_some_escalations_count_the_dead() {
        List<ClassifiedArticle> classified = articles.stream()
                .map(a -> ANALYZER.analyze(SyntheticArticles.restamp(a, a.id(), Instant.parse("2026-01-05T12:00:00Z")))).toList();
        Map<Direction, Long> directions = classified.stream()
                .collect(Collectors.groupingBy(ClassifiedArticle::direction, Collectors.counting()));
        for (Direction direction : Direction.values()) {
            assertThat(directions.getOrDefault(direction, 0L)).as(direction.name()).isGreaterThanOrEqualTo(SAMPLE / 10L);
        }
        assertThat(classified).filteredOn(c -> c.killed() != null && c.labels().borderIncident()).hasSizeGreaterThan(SAMPLE / 20);
    }

    @Test
    void the_sample_is_as_dense_as_the_recorded_real_news_figures() {
        assertDenseAs(WorkloadProfile.DEV_CORPUS);
    }

    @Test
    void the_sample_is_as_dense_as_the_dev_corpus() {
        assertDenseAs(devCorpus());
    }

    @Test
    void the_real_news_figures_the_bench_prints_are_those_of_the_dev_corpus() {
        WorkloadProfile measured = devCorpus();
        String hint = "the dev corpus now measures " + measured.summary() + "; update WorkloadProfile.DEV_CORPUS";
        assertThat(measured.articles()).as(hint).isEqualTo(WorkloadProfile.DEV_CORPUS.articles());
        assertThat(measured.dyads()).as(hint).isCloseTo(WorkloadProfile.DEV_CORPUS.dyads(), withinPercentage(3));
        assertThat(measured.events()).as(hint).isCloseTo(WorkloadProfile.DEV_CORPUS.events(), withinPercentage(3));
        assertThat(measured.incidentUpdates()).as(hint)
                .isCloseTo(WorkloadProfile.DEV_CORPUS.incidentUpdates(), withinPercentage(3));
    }

    @Test
    void the_bench_line_gives_the_sample_and_the_reference() {
        assertThat(sample.againstDevCorpus()).startsWith(sample.summary()).contains("first 500 articles")
                .contains(String.format(Locale.ROOT, "%.2f dyads", WorkloadProfile.DEV_CORPUS.dyads()));
    }

    private static void assertDenseAs(WorkloadProfile reference) {
        String what = "synthetic " + sample.summary() + " against real " + reference.summary();
        assertThat(sample.dyads()).as(what).isCloseTo(reference.dyads(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(sample.events()).as(what).isCloseTo(reference.events(), withinPercentage(TOLERANCE_PERCENT));
        assertThat(sample.incidentUpdates()).as(what).isCloseTo(reference.incidentUpdates(), withinPercentage(TOLERANCE_PERCENT));
    }

    /** The labeled dev corpus in publication order, as a replay reads it; skips the test where it is missing. */
    private static WorkloadProfile devCorpus() {
        String shared = System.getProperty("flashpoint.shared");
        Path dir = shared == null ? null : Path.of(shared, "corpus", "dev");
        assumeTrue(dir != null && Files.isDirectory(dir), "the labeled dev corpus (flashpoint.shared/corpus/dev) is not available");
        return WorkloadProfile.measure(ANALYZER::analyze, Corpus.read(List.of(dir), Instant.now()).articles());
    }
}
