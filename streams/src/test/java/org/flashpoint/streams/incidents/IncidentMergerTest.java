package org.flashpoint.streams.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flashpoint.streams.Fixtures.BORDER_ESCALATION;
import static org.flashpoint.streams.Fixtures.IRN_PAK;
import static org.flashpoint.streams.Fixtures.article;
import static org.flashpoint.streams.Fixtures.at;
import static org.flashpoint.streams.Fixtures.classified;
import static org.flashpoint.streams.Fixtures.mention;
import static org.flashpoint.streams.Fixtures.placedMention;
import static org.flashpoint.streams.Fixtures.strike;
import static org.flashpoint.streams.Fixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Evidence;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.JsonSerde;
import org.flashpoint.contracts.Modality;
import org.junit.jupiter.api.Test;

class IncidentMergerTest {

    private static final LocalDate JAN16 = LocalDate.parse("2024-01-16");
    private static final LocalDate JAN18 = LocalDate.parse("2024-01-18");

    private final IncidentMerger merger = new IncidentMerger(IncidentSettings.DEFAULTS);
    private final InMemoryOpenIncidents store = new InMemoryOpenIncidents();

    private List<Incident> feed(Article article, ClassifiedArticle analysis) {
        AnalyzedArticle analyzed = new AnalyzedArticle(analysis, TextFingerprint.of(article.text()));
        return merger.merge(store, merger.report(IRN_PAK, analyzed, article.published()), article.published());
    }

    /** The dyad's working set. */
    private DyadIncidents state() {
        return store.dyad(IRN_PAK);
    }

    private List<Incident> feed(String id, String source, String time, String text, org.flashpoint.contracts.EventMention... mentions) {
        Article article = article(id, source, at(time), text);
        return feed(article, classified(article, BORDER_ESCALATION, mentions));
    }

    @Test
    void reportsOfOneStrikeFromThreeOutletsBecomeOneIncidentWithThreeIndependentSources() {
        feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck Panjgur, killing two children."));
        feed("a2", "cbc", "2024-01-17T09:00:00Z", text(2), strike("IRN", "PAK", null, null, "The Iranian strike drew a protest."));
        List<Incident> last = feed("a3", "anews", "2024-01-17T12:00:00Z", text(3), strike("IRN", "PAK", JAN16, 2, "Iran hit targets in Balochistan."));

        assertThat(last).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo("IRN-PAK.assault.2024-01-16.IRN");
            assertThat(incident.articles()).containsExactly("a1", "a2", "a3");
            assertThat(incident.sources()).containsExactly("nbc", "cbc", "anews");
            assertThat(incident.independentSources()).isEqualTo(3);
            assertThat(incident.killed()).isEqualTo(2);
            assertThat(incident.direction()).isEqualTo(Direction.ESCALATION);
            assertThat(incident.borderIncident()).isTrue();
            assertThat(incident.eventDate()).isEqualTo(JAN16);
            assertThat(incident.firstSeen()).isEqualTo(at("2024-01-17T06:00:00Z"));
            assertThat(incident.lastSeen()).isEqualTo(at("2024-01-17T12:00:00Z"));
            assertThat(incident.evidence()).hasSize(3);
        });
        assertThat(state().open()).hasSize(1);
    }

    @Test
    void aSyndicatedCopyAddsASourceButNotAnIndependentOne() {
        feed("a1", "urdupoint", "2024-01-29T06:00:00Z", text(7), strike("IRN", "PAK", null, null, "Strike."));
        List<Incident> last = feed("a2", "dnanews", "2024-01-29T07:00:00Z", text(7) + " extra closing words", strike("IRN", "PAK", null, null, "Strike."));
        assertThat(last.get(0).sources()).containsExactly("urdupoint", "dnanews");
        assertThat(last.get(0).independentSources()).isEqualTo(1);
    }

    @Test
    void strikesByEachSideTwoDaysApartAreSeparateIncidents() {
        feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck."));
        List<Incident> second = feed("a2", "cnn", "2024-01-18T06:00:00Z", text(2), strike("PAK", "IRN", JAN18, 9, "Pakistan struck back."));
        assertThat(second).singleElement().extracting(Incident::id).isEqualTo("IRN-PAK.assault.2024-01-18.PAK");
        assertThat(state().open()).hasSize(2);
    }

    @Test
    void aLaterArticleRecallingBothStrikesUpdatesEachAndOpensNothing() {
        feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck."));
        feed("a2", "cnn", "2024-01-18T06:00:00Z", text(2), strike("PAK", "IRN", JAN18, 9, "Pakistan struck back."));
        List<Incident> both = feed("a3", "reuters", "2024-01-19T06:00:00Z", text(3),
                strike("IRN", "PAK", JAN16, null, "Iran's strike on Tuesday."),
                strike("PAK", "IRN", JAN18, 9, "Pakistan's strike on Thursday killed nine."));
        assertThat(both).extracting(Incident::id)
                .containsExactly("IRN-PAK.assault.2024-01-16.IRN", "IRN-PAK.assault.2024-01-18.PAK");
        assertThat(state().open()).hasSize(2);
    }

    @Test
    void differentTollsForTheSameActorsStrikeAreOneIncidentWithTheHighestToll() {
        feed("a1", "x", "2024-01-18T06:00:00Z", text(1), strike("PAK", "IRN", JAN18, 2, "Two killed."));
        List<Incident> second = feed("a2", "y", "2024-01-18T07:00:00Z", text(2), strike("PAK", "IRN", JAN18, 9, "Nine killed."));
        assertThat(second).singleElement().satisfies(i -> {
            assertThat(i.articles()).containsExactly("a1", "a2");
            assertThat(i.killed()).isEqualTo(9);
        });
    }

    @Test
    void incompatibleTollsOnTheSameDayKeepIncidentsWithoutAnActorApart() {
        feed("a1", "x", "2024-01-17T06:00:00Z", text(1), strike(null, null, JAN16, 2, "Two killed."));
        List<Incident> other = feed("a2", "y", "2024-01-17T07:00:00Z", text(2), strike(null, null, JAN16, 40, "Forty killed."));
        assertThat(other.get(0).id()).isEqualTo("IRN-PAK.assault.2024-01-16-2");
    }

    @Test
    void clashesWithoutAnActorOnTheSameDayInProvincesOfDifferentStatesAreTwoIncidents() {
        feed("a1", "x", "2024-01-17T06:00:00Z", text(1),
                placedMention("assault", null, null, JAN16, Modality.ASSERTED, -7, null, "Clashes in Panjgur.", "Panjgur", "PAK"));
        List<Incident> other = feed("a2", "y", "2024-01-17T07:00:00Z", text(2),
                placedMention("assault", null, null, JAN16, Modality.ASSERTED, -7, null, "Clashes in Saravan.", "Saravan", "IRN"));
        List<Incident> same = feed("a3", "z", "2024-01-17T08:00:00Z", text(3),
                placedMention("assault", null, null, JAN16, Modality.ASSERTED, -7, null, "Fighting in Balochistan.", "Balochistan", "PAK"));

        assertThat(other.get(0).id()).isEqualTo("IRN-PAK.assault.2024-01-16-2");
        assertThat(other.get(0).places()).containsExactly("Saravan");
        assertThat(same).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo("IRN-PAK.assault.2024-01-16");
            assertThat(incident.places()).containsExactly("Panjgur", "Balochistan");
            assertThat(incident.reports()).isEqualTo(2);
        });
    }

    @Test
    void aNamedActorJoinsReportsThatNamePlacesInEitherState() {
        feed("a1", "x", "2024-01-17T06:00:00Z", text(1), placedMention("assault", "IRN", "PAK", JAN16, Modality.ASSERTED,
                -9, 2, "Iran struck Panjgur.", "Panjgur", "PAK"));
        List<Incident> second = feed("a2", "y", "2024-01-17T07:00:00Z", text(2), placedMention("assault", "IRN", "PAK", JAN16,
                Modality.ASSERTED, -9, 2, "Missiles were fired from Sistan-Baluchestan.", "Sistan-Baluchestan", "IRN"));
        assertThat(second).singleElement().satisfies(incident -> {
            assertThat(incident.articles()).containsExactly("a1", "a2");
            assertThat(incident.places()).containsExactly("Panjgur", "Sistan-Baluchestan");
        });
    }

    @Test
    void historicalNegatedAndHypotheticalMentionsNeverOpenOrUpdateIncidents() {
        feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck."));
        DyadIncidents before = state();
        for (Modality modality : List.of(Modality.HISTORICAL, Modality.NEGATED, Modality.HYPOTHETICAL)) {
            List<Incident> changed = feed("b-" + modality, "z", "2024-01-17T08:00:00Z", text(5),
                    mention("assault", "IRN", "PAK", JAN16, modality, -9, 50, "Iran's strike, once more."));
            assertThat(changed).as(modality.name()).isEmpty();
        }
        assertThat(state().open()).isEqualTo(before.open());
    }

    @Test
    void anOpenIncidentIsStoredWithoutTheEvidenceItsQuotesRepeatAndReadsBackWhole() throws Exception {
        feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck Panjgur, killing two children."));
        List<Incident> last = feed("a2", "cbc", "2024-01-17T09:00:00Z", text(2), strike("IRN", "PAK", JAN16, 2, "Iran hit targets in Balochistan."));
        IncidentState open = store.incident(last.get(0).id());
        JsonSerde<IncidentState> serde = JsonSerde.forState(IncidentState.class);

        byte[] stored = serde.serializer().serialize("t", open);
        JsonNode json = Json.mapper().readTree(stored);
        assertThat(json.path("incident").path("evidence")).isEmpty();
        assertThat(json.path("quotes")).hasSize(2);
        assertThat(serde.deserializer().deserialize("t", stored)).isEqualTo(open);
        assertThat(open.incident().evidence()).extracting(Evidence::quote)
                .containsExactly("Iran struck Panjgur, killing two children.", "Iran hit targets in Balochistan.");

        // What builds before the sixth session stored, the evidence inside the incident too, reads the same.
        ObjectNode earlier = (ObjectNode) json;
        ((ObjectNode) earlier.path("incident")).set("evidence", Json.stateMapper().valueToTree(open.incident().evidence()));
        assertThat(serde.deserializer().deserialize("t", Json.mapper().writeValueAsBytes(earlier))).isEqualTo(open);
    }

    @Test
    void aMentionDatedLongBeforeItsArticleIsBackgroundNotNews() {
        List<Incident> changed = feed("a1", "x", "2024-03-01T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "In January Iran struck."));
        assertThat(changed).isEmpty();
    }

    @Test
    void theSameArticleTwiceReEmitsTheSameIncidentAndLeavesTheStateAsItWas() {
        List<Incident> first = feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck."));
        DyadIncidents after = state();
        IncidentState reports = store.incident(first.get(0).id());
        assertThat(feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck."))).isEqualTo(first);
        assertThat(state()).isEqualTo(after);
        assertThat(store.incident(first.get(0).id())).isEqualTo(reports);
    }

    @Test
    void incidentsLeaveTheWorkingSetOnceStaleButKeepTheirIds() {
        feed("a1", "nbc", "2024-01-17T06:00:00Z", text(1), strike("IRN", "PAK", JAN16, 2, "Iran struck."));
        feed("a2", "nbc", "2024-03-01T06:00:00Z", text(2), mention("consult", "IRN", "PAK", null, Modality.ASSERTED, 3, null, "Talks."));
        assertThat(state().open()).extracting(OpenIncident::id).containsExactly("IRN-PAK.consult.2024-03-01.IRN");
        assertThat(store.incident("IRN-PAK.assault.2024-01-16.IRN")).as("reports of a stale incident are dropped").isNull();
    }

    @Test
    void aDyadStruckEveryThreeDaysForSixMonthsKeepsOnlyTheIncidentsThatCanStillMerge() {
        LocalDate day = LocalDate.parse("2024-01-01");
        for (int n = 0; n < 60; n++, day = day.plusDays(3)) {
            feed("a" + n, "nbc", day + "T06:00:00Z", text(n), strike("IRN", "PAK", day, null, "Iran struck."));
        }
        // Horizon: 14 days stale + 1 day gap before the newest report (2024-06-26), so 2024-06-11 and later remain.
        assertThat(state().open()).extracting(OpenIncident::lastDate)
                .containsExactly(LocalDate.parse("2024-06-11"), LocalDate.parse("2024-06-14"), LocalDate.parse("2024-06-17"),
                        LocalDate.parse("2024-06-20"), LocalDate.parse("2024-06-23"), LocalDate.parse("2024-06-26"));
    }

    @Test
    void anIncidentInsideTheHorizonStillMergesAfterMonthsOfOtherIncidents() {
        LocalDate day = LocalDate.parse("2024-01-01");
        for (int n = 0; n < 60; n++, day = day.plusDays(3)) {
            feed("a" + n, "nbc", day + "T06:00:00Z", text(n), strike("IRN", "PAK", day, null, "Iran struck."));
        }
        List<Incident> late = feed("late", "cbc", "2024-06-26T09:00:00Z", text(99),
                strike("IRN", "PAK", LocalDate.parse("2024-06-12"), null, "Iran struck two weeks ago."));
        assertThat(late).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo("IRN-PAK.assault.2024-06-11.IRN");
            assertThat(incident.articles()).containsExactly("a54", "late");
            assertThat(incident.independentSources()).isEqualTo(2);
        });
    }

    @Test
    void aHeavilyReportedIncidentCountsEveryArticleButListsABoundedNumberAndKeepsABoundedWorkingState() {
        int reports = 600;
        Incident last = null;
        for (int n = 0; n < reports; n++) {
            last = feed("a" + n, "outlet" + n, "2024-01-17T06:00:00Z", text(n),
                    strike("IRN", "PAK", JAN16, 2, "Iran struck Panjgur.")).get(0);
        }
        IncidentState open = store.incident(state().open().get(0).id());
        assertThat(last.reports()).isEqualTo(reports);
        assertThat(last.articles()).hasSize(Incident.MAX_ARTICLE_IDS).startsWith("a0", "a1");
        assertThat(last.evidence()).hasSize(IncidentSettings.DEFAULTS.evidenceQuotes());
        assertThat(open.quotes()).hasSize(IncidentSettings.DEFAULTS.evidenceQuotes());
        assertThat(open.reports().stream().filter(r -> r.fingerprint() != null))
                .hasSize(IncidentState.MAX_FINGERPRINTED_REPORTS);
        // Distinct outlets stay independent past the fingerprint cap.
        assertThat(last.independentSources()).isEqualTo(reports);
        // About 90 KB with the cap; about 270 KB if all 600 kept their fingerprint (the broker refuses records above 1 MiB).
        assertThat(org.flashpoint.contracts.Json.write(open).length).isLessThan(128 * 1024);
        // What every article of the dyad reads and writes stays small however heavily one incident is covered.
        assertThat(org.flashpoint.contracts.Json.write(state()).length).isLessThan(1024);
    }

    @Test
    void anEventTypeBecomesAnIdSafeKind() {
        assertThat(IncidentMerger.kind("ASSAULT")).isEqualTo("assault");
        assertThat(IncidentMerger.kind("reduce relations")).isEqualTo("reduce_relations");
        assertThat(IncidentMerger.kind("  Consult/Visit -- ")).isEqualTo("consult_visit");
        assertThat(IncidentMerger.kind("call for restraint!")).isEqualTo("call_for_restraint");
        assertThat(IncidentMerger.kind("\u00e9t\u00e9 2")).isEqualTo("t_2");
        assertThat(IncidentMerger.kind("--")).isEqualTo("event");
        assertThat(IncidentMerger.kind("")).isEqualTo("event");
    }
}
