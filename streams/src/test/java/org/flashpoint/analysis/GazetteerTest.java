package org.flashpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static final Gazetteer GAZETTEER = Analyzer.loadDefault().data().gazetteer();

    private static List<String> found(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return GAZETTEER.find(text, tokens, 0, tokens.size()).stream().map(m -> m.code() + ":" + m.kind()).toList();
    }

    @Test
    void everyUnMemberStateIsKnown() {
        assertThat(GAZETTEER.codes()).hasSizeGreaterThanOrEqualTo(193).contains("AFG", "ZWE", "TUV", "SSD", "PRK", "KOR");
    }

    @Test
    void namesDemonymsAndCapitalsStandForTheirState() {
        assertThat(found("Pakistan")).containsExactly("PAK:NAME");
        assertThat(found("Iranian officials")).containsExactly("IRN:DEMONYM");
        assertThat(found("nine Pakistanis")).containsExactly("PAK:DEMONYM");
        assertThat(found("Tehran said")).containsExactly("IRN:CAPITAL");
    }

    @Test
    void institutionsProvincesBorderRegionsGroupsAndLeadersHaveTheirKind() {
        assertThat(found("the ISPR said")).containsExactly("PAK:INSTITUTION");
        assertThat(found("in Khuzestan and Punjab")).containsExactly("IRN:BORDER_REGION", "PAK:PROVINCE");
        assertThat(found("Sistan-Baluchestan")).containsExactly("IRN:BORDER_REGION");
        assertThat(found("bases of Jaish al-Adl")).containsExactly("PAK:GROUP");
        assertThat(found("Erdogan said")).containsExactly("TUR:LEADER");
    }

    @Test
    void theLongestPhraseWins() {
        assertThat(found("South Korea and North Korea")).containsExactly("KOR:NAME", "PRK:NAME");
        assertThat(found("Papua New Guinea and Guinea")).containsExactly("PNG:NAME", "GIN:NAME");
        assertThat(found("Azad Kashmir")).containsExactly("PAK:BORDER_REGION");
    }

    @Test
    void shortAmbiguousFormsMatchOnlyWithTheirCapitalisation() {
        assertThat(found("the US said")).containsExactly("USA:NAME");
        assertThat(found("the U.S. said")).containsExactly("USA:NAME");
        assertThat(found("let us talk")).isEmpty();
    }

    @Test
    void aStateNameMustBeCapitalised() {
        assertThat(found("they ate turkey and chad")).isEmpty();
        assertThat(found("Turkey and Chad")).containsExactly("TUR:NAME", "TCD:NAME");
    }
}
