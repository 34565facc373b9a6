package org.flashpoint.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-01-29T10:15:30Z|2024-01-29T10:15:30Z",
            "2024-01-29T10:15:30+05:00|2024-01-29T05:15:30Z",
            "2024-01-29 10:15|2024-01-29T10:15:00Z",
            "2024-01-29|2024-01-29T00:00:00Z",
            "Mon, 29 Jan 2024 10:15:30 GMT|2024-01-29T10:15:30Z",
            "Mon, 29 Jan 2024 10:15:30 +0100|2024-01-29T09:15:30Z",
            "1706523330|2024-01-29T10:15:30Z",
            "1706523330000|2024-01-29T10:15:30Z",
            "January 29, 2024|2024-01-29T00:00:00Z",
            "Jan 29, 2024 10:15 AM|2024-01-29T10:15:00Z",
            "29 January 2024|2024-01-29T00:00:00Z",
            "29 Jan 2024, 10:14|2024-01-29T10:14:00Z",
            "1/29/2024|2024-01-29T00:00:00Z",
            "Monday, January 29, 2024|2024-01-29T00:00:00Z"})
    void newsDatesInTheUsualFormatsAreRead(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void anEpochNumberIsReadAsSecondsOrMilliseconds() {
        assertThat(Dates.parse(1706523330L)).isEqualTo(Instant.parse("2024-01-29T10:15:30Z"));
        assertThat(Dates.parse(1706523330000L)).isEqualTo(Instant.parse("2024-01-29T10:15:30Z"));
    }

    @Test
    void anUnknownDateIsAnErrorQuotingIt() {
        assertThatThrownBy(() -> Dates.parse("the day before yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the day before yesterday");
    }

    @Test
    void pageChromeLinesAreDroppedAndCaptionsMovedApartInNfc() {
        String raw = "top of page\nThe minister arrived.\r\n\n\nShare.\nExit mobile version\n"
                + "The foreign minister speaks in Ankara on June 27, 2022. (Jane Doe/Reuters)\n"
                + "Caf\u0065\u0301 owners reopened.\nbottom of page\nSubscribe to our Newsletters\n";

        NormalizedText text = TextNormalizer.defaults().normalize(raw, List.of());

        assertThat(text.text()).isEqualTo("The minister arrived.\n\nCaf\u00e9 owners reopened.");
        assertThat(text.captions()).containsExactly("The foreign minister speaks in Ankara on June 27, 2022. (Jane Doe/Reuters)");
    }

    @Test
    void captionsKnownFromTheMarkupAreRemovedFromTheBody() {
        NormalizedText text = TextNormalizer.defaults().normalize("Body line.\nA crowd gathers.\n", List.of("A crowd gathers."));

        assertThat(text.text()).isEqualTo("Body line.");
        assertThat(text.captions()).containsExactly("A crowd gathers.");
    }

    @Test
    void aBadPatternFailsTheLoadNamingFileAndLine() {
        assertThatThrownBy(() -> PageLines.load("bad-page-lines.tsv"))
                .hasMessageContaining("bad-page-lines.tsv line 3");
    }

    @Test
    void languagesAreDetectedFromStopwordsAndThinEvidenceIsUndetermined() {
        LanguageDetector detector = LanguageDetector.defaults();

        assertThat(detector.detect("The ministers said that the talks were held in the capital and will resume.")).isEqualTo("en");
        assertThat(detector.detect("Les ministres ont été reçus dans la capitale et les discussions sont reprises pour une semaine."))
                .isEqualTo("fr");
        assertThat(detector.detect("Der Minister ist mit dem Zug in die Hauptstadt gereist und hat sich nicht geäußert.")).isEqualTo("de");
        assertThat(detector.detect("Voskehat 2024")).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
