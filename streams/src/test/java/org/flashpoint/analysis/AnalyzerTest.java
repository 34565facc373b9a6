package org.flashpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Modality;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static final Analyzer ANALYZER = Analyzer.loadDefault();

    private static ClassifiedArticle analyze(String title, String text) {
        return ANALYZER.analyze(Articles.article(title, text));
    }

    private static EventMention event(ClassifiedArticle c, String cue) {
        return c.events().stream().filter(e -> e.cue().equals(cue)).findFirst().orElseThrow();
    }

    @Test
    void aCrossBorderStrikeEscalatesThePairWithEvidence() {
        ClassifiedArticle c = analyze("Iran strikes Pakistan", "Iran launched missiles into Pakistan on Tuesday, killing two children.");
        assertThat(c.dyads()).containsExactly(Dyad.of("IRN", "PAK"));
        assertThat(c.labels().escalation()).isTrue();
        assertThat(c.labels().borderIncident()).isTrue();
        assertThat(c.labels().deEscalation()).isFalse();
        assertThat(c.direction()).isEqualTo(Direction.ESCALATION);
        assertThat(c.killed()).isEqualTo(2);
        EventMention strike = event(c, "launched missiles");
        assertThat(strike.actor()).isEqualTo("IRN");
        assertThat(strike.target()).isEqualTo("PAK");
        assertThat(strike.quote()).isEqualTo("Iran launched missiles into Pakistan on Tuesday, killing two children.");
        assertThat(strike.eventDate()).isEqualTo(Articles.PUBLISHED.minusDays(1));
        assertThat(strike.weight()).isNegative();
        assertThat(c.analyzerVersion()).isEqualTo(ANALYZER.version());
    }

    @Test
    void aDenialIsNegatedAndDoesNotEscalate() {
        ClassifiedArticle c = analyze("", "Iran denied carrying out strikes on Pakistan.");
        assertThat(event(c, "strikes").modality()).isEqualTo(Modality.NEGATED);
        assertThat(c.labels().escalation()).isFalse();
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
    }

    @Test
    void whatCouldHappenIsHypothetical() {
        ClassifiedArticle c = analyze("", "Analysts said Pakistan could retaliate against Iran.");
        assertThat(event(c, "retaliate").modality()).isEqualTo(Modality.HYPOTHETICAL);
        assertThat(c.labels().escalation()).isFalse();
    }

    @Test
    void aThreatIsAnEventButWhatItThreatensIsNot() {
        ClassifiedArticle c = analyze("", "Turkey threatens to strike Greek ships.");
        assertThat(event(c, "threatens").modality()).isEqualTo(Modality.ASSERTED);
        assertThat(event(c, "strike").modality()).isEqualTo(Modality.HYPOTHETICAL);
        assertThat(c.labels().escalation()).isTrue();
        assertThat(c.labels().borderIncident()).isFalse();
    }

    @Test
    void oldWarsAreHistoryNotNews() {
        ClassifiedArticle c = analyze("", "India and Pakistan have fought three wars since 1947.");
        assertThat(c.events()).isNotEmpty().allMatch(e -> e.modality() == Modality.HISTORICAL);
        assertThat(c.labels().any()).isFalse();
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
    }

    @Test
    void eventsDatedMonthsBeforePublicationAreHistorical() {
        ClassifiedArticle c = analyze("", "In March 2021, Indian troops shelled Pakistani posts across the Line of Control.");
        assertThat(event(c, "shelled").modality()).isEqualTo(Modality.HISTORICAL);
        assertThat(c.labels().borderIncident()).isFalse();
    }

    @Test
    void aFootballClashIsNotAnInterstateClash() {
        ClassifiedArticle c = analyze("Greece and Turkey clash in qualifier",
                "Greece and Turkey clash tonight in a World Cup qualifier at the stadium in Istanbul. "
                        + "The Greek team arrived in Istanbul yesterday and its coach expects a tough match.");
        assertThat(c.labels().any()).isFalse();
        assertThat(c.dyads()).isEmpty();
    }

    @Test
    void aBusinessClashIsNotAnInterstateClash() {
        ClassifiedArticle c = analyze("Spanish and Italian banks clash over hostile takeover bid",
                "The Spanish bank attacked the board of its Italian rival as shareholders weighed the bid.");
        assertThat(c.labels().any()).isFalse();
    }

    @Test
    void anEarthquakeThatStruckTwoCountriesIsNotAnAttack() {
        ClassifiedArticle c = analyze("Quake shakes border region",
                "A strong earthquake struck eastern Turkey and northern Syria on Monday, damaging hundreds of homes.");
        assertThat(c.labels().any()).isFalse();
    }

    @Test
    void exchangingTheRemainsOfSoldiersIsConciliatory() {
        ClassifiedArticle c = analyze("", "Russia and Ukraine exchanged the remains of fallen soldiers on Friday.");
        assertThat(c.labels().escalation()).isFalse();
        assertThat(c.labels().deEscalation()).isTrue();
    }

    @Test
    void aBookAboutAWarIsNotAReportOfOne() {
        ClassifiedArticle c = analyze("A new history of the Falklands",
                "In the chapters on the landings, the author argues that Argentina attacked Britain without a plan.");
        assertThat(c.labels().any()).isFalse();
    }

    @Test
    void floodsAcrossABorderAreNotAnAttack() {
        ClassifiedArticle c = analyze("Floods kill four in Balochistan",
                "A storm crossed into Balochistan after floods killed 76 people in Iran. Floods also hit villages near the border.");
        assertThat(c.labels().any()).isFalse();
        assertThat(c.killed()).isNull();
    }

    @Test
    void aDomesticDrugRaidAtTheBorderIsNotABorderIncident() {
        ClassifiedArticle c = analyze("Police raid smugglers at the Mexican border",
                "Texas police raided a stash house near the border with Mexico and seized cocaine from a cartel.");
        assertThat(c.labels().any()).isFalse();
    }

    @Test
    void aThirdStatesCallForRestraintIsNotDeEscalationOfThePair() {
        ClassifiedArticle c = analyze("China urges Iran and Pakistan to exercise restraint",
                "China urged Iran and Pakistan to exercise restraint after Iran struck targets inside Pakistan.");
        assertThat(c.headlineDyad()).isEqualTo(Dyad.of("IRN", "PAK"));
        assertThat(c.dyads()).doesNotContain(Dyad.of("CHN", "IRN"), Dyad.of("CHN", "PAK"));
        assertThat(c.labels().deEscalation()).isFalse();
        assertThat(c.labels().escalation()).isTrue();
        assertThat(event(c, "exercise restraint").actor()).isEqualTo("CHN");
    }

    @Test
    void thePartiesOwnCallForRestraintIsDeEscalation() {
        ClassifiedArticle c = analyze("", "The foreign ministers of India and Pakistan agreed to exercise restraint along the border.");
        assertThat(c.labels().deEscalation()).isTrue();
        assertThat(c.dyads()).containsExactly(Dyad.of("IND", "PAK"));
    }

    @Test
    void aVisitIsADiplomaticVisitButAPhoneCallIsNot() {
        ClassifiedArticle visit = analyze("", "Japan's prime minister visited Seoul for talks with South Korea's president.");
        assertThat(visit.labels().diplomaticVisit()).isTrue();
        assertThat(visit.direction()).isEqualTo(Direction.DE_ESCALATION);
        ClassifiedArticle call = analyze("", "Japan's prime minister spoke with South Korea's president by phone.");
        assertThat(call.labels().diplomaticVisit()).isFalse();
        assertThat(call.labels().deEscalation()).isTrue();
    }

    @Test
    void aPlannedVisitCountsButAConditionalOneDoesNot() {
        assertThat(analyze("", "The Iranian foreign minister will visit Islamabad on January 29.").labels().diplomaticVisit()).isTrue();
        assertThat(analyze("", "The Iranian foreign minister might visit Islamabad.").labels().diplomaticVisit()).isFalse();
    }

    @Test
    void aStrikeOnAnArmedGroupAcrossTheBorderIsThePairOfStates() {
        ClassifiedArticle c = analyze("", "Iran struck two bases of Jaish al-Adl in Balochistan.");
        assertThat(c.dyads()).containsExactly(Dyad.of("IRN", "PAK"));
        assertThat(c.labels().borderIncident()).isTrue();
    }

    @Test
    void thePassiveVoiceFindsTheActorAfterBy() {
        ClassifiedArticle c = analyze("", "Pakistan condemned an airstrike by Iran inside its territory.");
        EventMention strike = event(c, "airstrike");
        assertThat(strike.actor()).isEqualTo("IRN");
        assertThat(strike.target()).isEqualTo("PAK");
    }

    @Test
    void theTitleAndLeadDecideTheDirectionNotTheCountOfConflictWords() {
        ClassifiedArticle c = analyze("Iran and Pakistan agree to restore ties after strikes",
                "Iran and Pakistan agreed on Monday to return their ambassadors. "
                        + "Last week Iran struck Pakistan and Pakistan struck Iran; the strikes killed eleven people; "
                        + "Pakistan condemned the attack and recalled its ambassador.");
        assertThat(c.direction()).isEqualTo(Direction.DE_ESCALATION);
        assertThat(c.labels().escalation()).isTrue();
        assertThat(c.labels().deEscalation()).isTrue();
        assertThat(c.killed()).isNull();
    }

    @Test
    void killingsByUnnamedGunmenAtTheBorderAreABorderIncidentNotAnActOfTheState() {
        ClassifiedArticle c = analyze("Gunmen kill nine Pakistanis in Iran",
                "Gunmen killed nine Pakistanis in Saravan, near the border, on Saturday.");
        assertThat(c.headlineDyad()).isEqualTo(Dyad.of("IRN", "PAK"));
        assertThat(c.labels().borderIncident()).isTrue();
        assertThat(c.labels().escalation()).isFalse();
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(c.killed()).isEqualTo(9);
    }

    @Test
    void anArticleAboutNoPairOfStatesIsNeutralWithNoLabels() {
        ClassifiedArticle c = analyze("Local council approves budget", "The council agreed a new budget for the city's parks.");
        assertThat(c.dyads()).isEmpty();
        assertThat(c.labels().any()).isFalse();
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
    }

    @Test
    void oddTextNeverThrowsAndGivesTheSameAnswerTwice() {
        String[] odd = {"", "....", "\u0000\uFFFF\uD83D\uDE00", "U.S. U.K. 's ' \" “ ” « » - — 1,000,000.5",
                "Iran ".repeat(5000), "killed killed killed 12345678901234567890 people", "\n\n\n", "May May March 31st 1900"};
        for (String text : odd) {
            ClassifiedArticle first = ANALYZER.analyze(Articles.article(text, text));
            assertThat(ANALYZER.analyze(Articles.article(text, text))).isEqualTo(first);
            // the analysis runs through without falling back to the empty answer
            new ArticleAnalysis(ANALYZER.data(), Articles.article(text, text)).run();
        }
    }

    @Test
    void theVersionNamesTheCodeAndTheDataHash() {
        assertThat(ANALYZER.version()).matches("analysis-" + Analyzer.CODE_VERSION.replace(".", "\\.") + "\\+[0-9a-f]{12}");
        assertThat(Analyzer.loadDefault().version()).isEqualTo(ANALYZER.version());
    }
}
