package org.flashpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 1, 17);

    private static List<LocalDate> dates(String text, LocalDate published) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return Dates.find(text, tokens, 0, tokens.size(), published).stream().map(Dates.Found::date).toList();
    }

    @Test
    void aWeekdayIsTheLastOneOnOrBeforePublication() {
        assertThat(dates("on Tuesday", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 16));
        assertThat(dates("on Wednesday", WEDNESDAY)).containsExactly(WEDNESDAY);
        assertThat(dates("on Thursday", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 11));
        assertThat(dates("next Monday", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 22));
    }

    @Test
    void relativeWordsCountFromPublication() {
        assertThat(dates("yesterday", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 16));
        assertThat(dates("last week", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 10));
        assertThat(dates("last month", WEDNESDAY)).containsExactly(LocalDate.of(2023, 12, 31));
        assertThat(dates("last year", WEDNESDAY)).containsExactly(LocalDate.of(2023, 12, 31));
    }

    @Test
    void aMonthWithoutAYearIsTheLastOneThatFits() {
        assertThat(dates("in January", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 31));
        assertThat(dates("in November", WEDNESDAY)).containsExactly(LocalDate.of(2023, 11, 30));
        assertThat(dates("on Jan. 26", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 26));
        assertThat(dates("on 29 January", WEDNESDAY)).containsExactly(LocalDate.of(2024, 1, 29));
    }

    @Test
    void explicitDatesAndYearsResolveWithoutAPublicationDate() {
        assertThat(dates("on January 16, 2024", null)).containsExactly(LocalDate.of(2024, 1, 16));
        assertThat(dates("19th Jan, 2024", null)).containsExactly(LocalDate.of(2024, 1, 19));
        assertThat(dates("since 1947", null)).containsExactly(LocalDate.of(1947, 12, 31));
        assertThat(dates("on Tuesday", null)).isEmpty();
    }

    @Test
    void mayAndMarchAreMonthsOnlyInADateContext() {
        assertThat(dates("Iran may retaliate", WEDNESDAY)).isEmpty();
        assertThat(dates("the March on Rome", WEDNESDAY)).isEmpty();
        assertThat(dates("in May 2023", WEDNESDAY)).containsExactly(LocalDate.of(2023, 5, 31));
    }
}
