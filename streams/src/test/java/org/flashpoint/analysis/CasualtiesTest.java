package org.flashpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CasualtiesTest {

    private static final Analyzer.Data DATA = Analyzer.loadDefault().data();

    private static Integer toll(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Gazetteer.Mention> mentions = DATA.gazetteer().find(text, tokens, 0, tokens.size());
        return DATA.casualties().toll(tokens, 0, tokens.size(),
                k -> mentions.stream().anyMatch(m -> m.start() == k && m.kind() == Gazetteer.Kind.DEMONYM));
    }

    @Test
    void digitsAndWordsAreRead() {
        assertThat(toll("the strike killed at least 11 people")).isEqualTo(11);
        assertThat(toll("two children were killed")).isEqualTo(2);
        assertThat(toll("gunmen shot dead twenty one soldiers")).isEqualTo(21);
    }

    @Test
    void aNationalityCountsAsPeople() {
        assertThat(toll("gunmen killed nine Pakistanis")).isEqualTo(9);
        assertThat(toll("Nine Pakistani labourers were gunned down")).isEqualTo(9);
    }

    @Test
    void aDeathWordRightBeforeTheNumberIsEnough() {
        assertThat(toll("strikes inside Iran killing nine")).isEqualTo(9);
    }

    @Test
    void theInjuredAgesAndWeaponsAreNotDeaths() {
        assertThat(toll("the attack injured three people")).isNull();
        assertThat(toll("killing two children and injuring three others")).isEqualTo(2);
        assertThat(toll("a 6-year-old girl was killed by 3 missiles")).isNull();
        assertThat(toll("the talks lasted three days")).isNull();
    }
}
