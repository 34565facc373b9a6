package org.flashpoint.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.alerts.Fixtures.IRN_PAK;
import static org.flashpoint.alerts.Fixtures.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.Labels;
import org.flashpoint.contracts.Modality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The backtest over hand-analysed articles: the offline pipeline of the streams role feeding the alert engine. Three
 * outlets report a deadly cross-border strike; only when they assert it may anything alert.
 */
class BacktestTest {

    private static final LocalDate STRIKE_DAY = LocalDate.parse("2024-01-16");

    /** Three outlets, distinct texts, the same strike, in the given modality. */
    private static Map<Article, ClassifiedArticle> reports(Modality modality) {
        Map<Article, ClassifiedArticle> reports = new LinkedHashMap<>();
        for (int n = 1; n <= 3; n++) {
            Article article = article("r-" + n, "outlet" + n + ".example", at("2024-01-17T0" + n + ":00:00Z"), n);
            reports.put(article, classified(article, modality));
        }
        return reports;
    }

    private static Article article(String id, String source, Instant published, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("w").append(n).append('x').append(i).append(' ');
        }
        return new Article(id, source, "https://" + source + "/" + id, "", text.toString().trim(), List.of(), "en",
                published, Article.TimeSource.PUBLISHED, published, "test", null);
    }

    private static ClassifiedArticle classified(Article article, Modality modality) {
        String quote = "Iran struck targets inside Pakistan, killing two children (" + article.source() + ").";
        EventMention strike = new EventMention("assault", "IRN", "PAK", IRN_PAK, 1, 0, quote.length(), quote, "struck",
                STRIKE_DAY, modality, 0.9, -10, 2, null, null);
        return new ClassifiedArticle(article.id(), article.title(), article.source(), article.url(), article.published(),
                List.of(IRN_PAK), new Labels(true, false, true, false), Direction.ESCALATION, 2, List.of(strike), "test");
    }

    private static Timeline run(Map<Article, ClassifiedArticle> analysed) {
        Function<Article, ClassifiedArticle> analysis = analysed::get;
        return new Backtest(RuleSet.loadDefault(), analysis).run(List.copyOf(analysed.keySet()));
    }

    @Test
    void three_outlets_asserting_a_deadly_cross_border_strike_raise_the_week_and_border_alerts_with_their_quotes() {
        Timeline timeline = run(reports(Modality.ASSERTED));

        assertThat(timeline.notices()).extracting(n -> n.time() + " " + n.data().rule() + " " + n.data().state())
                // The article's incident and windows are applied together, then the rules run in file order.
                .containsExactly(
                        "2024-01-17T02:00:00Z tension-week FIRING",
                        "2024-01-17T02:00:00Z deadly-border-incident FIRING");
        AlertNotice fired = timeline.notices().get(0);
        assertThat(fired.data().incidents()).hasSize(1);
        assertThat(fired.data().incidents().get(0).evidence()).extracting(e -> e.url())
                .contains("https://outlet1.example/r-1", "https://outlet2.example/r-2");
        assertThat(timeline.table()).contains("tension-week", "FIRING", "Iran struck targets inside Pakistan");
    }

    @ParameterizedTest
    @EnumSource(value = Modality.class, names = {"NEGATED", "HYPOTHETICAL", "HISTORICAL"})
    void negated_hypothetical_and_historical_mentions_never_raise_an_alert(Modality modality) {
        Timeline timeline = run(reports(modality));

        assertThat(timeline.notices()).isEmpty();
        assertThat(timeline.incidents()).isEmpty();
    }

    @Test
    void every_notice_is_valid_against_the_published_json_schema() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://flashpoint.example/schemas/", "classpath:schemas/")));
        JsonSchema schema;
        try (var in = AlertNotice.class.getResourceAsStream("/schemas/alert-notice.schema.json")) {
            schema = factory.getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        Timeline timeline = run(reports(Modality.ASSERTED));

        assertThat(timeline.notices()).isNotEmpty().allSatisfy(notice ->
                assertThat(schema.validate(Json.mapper().readTree(Json.write(notice)))).isEmpty());
    }

    @Test
    void the_same_corpus_gives_the_same_timeline_byte_for_byte() {
        assertThat(run(reports(Modality.ASSERTED)).ndjson()).isEqualTo(run(reports(Modality.ASSERTED)).ndjson());
    }

    @Test
    void articles_are_replayed_in_publication_order_whatever_order_they_are_given_in() {
        Map<Article, ClassifiedArticle> analysed = reports(Modality.ASSERTED);
        List<Article> reversed = new java.util.ArrayList<>(analysed.keySet());
        java.util.Collections.reverse(reversed);

        Timeline timeline = new Backtest(RuleSet.loadDefault(), analysed::get).run(reversed);

        assertThat(timeline.ndjson()).isEqualTo(run(analysed).ndjson());
    }
}
