package org.flashpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void hyphensSplitAndPossessivesStandApart() {
        assertThat(Tokenizer.phrase("Pakistan’s de-escalation")).containsExactly("pakistan", "'s", "de", "escalation");
    }

    @Test
    void abbreviationsNumbersAndInnerApostrophesStayWhole() {
        assertThat(Tokenizer.phrase("U.S. sent 25,000 troops to N'Djamena, didn't it")).containsExactly(
                "u.s.", "sent", "25,000", "troops", "to", "n'djamena", ",", "didn't", "it");
    }

    @Test
    void sentencesEndAtStopsBeforeCapitalsAndAtLineBreaksButNotAfterAbbreviations() {
        String text = "Title\n\nMr. Khan met Gen. Asim on Jan. 5. He left. “It ended,” she said.\nNext line";
        List<Token> tokens = Tokenizer.tokenize(text);
        int titleEnd = 1;
        List<Sentences.Span> spans = Sentences.split(text, tokens, titleEnd);
        List<String> sentences = spans.stream().map(s -> s.to() > s.from()
                ? text.substring(tokens.get(s.from()).start(), tokens.get(s.to() - 1).end()) : "").toList();
        assertThat(sentences).containsExactly("Title", "Mr. Khan met Gen. Asim on Jan. 5.", "He left.", "“It ended,” she said.", "Next line");
    }
}
