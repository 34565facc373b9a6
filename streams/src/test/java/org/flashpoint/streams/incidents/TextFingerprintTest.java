package org.flashpoint.streams.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    private static final String WIRE = "Pakistan said on Thursday it had carried out military strikes against militant hideouts "
            + "in Iran's Sistan and Baluchestan province, two days after Tehran struck targets inside Pakistan. "
            + "The foreign ministry in Islamabad said several militants were killed in the precision strikes, "
            + "and that the country respected the sovereignty and territorial integrity of Iran.";

    @Test
    void aSyndicatedCopyWithAnotherHeadlineAndACutEndingIsANearDuplicate() {
        TextFingerprint original = TextFingerprint.of("Pakistan strikes Iran\n\n" + WIRE);
        TextFingerprint copy = TextFingerprint.of("Islamabad retaliates\n\n" + WIRE.substring(0, WIRE.length() - 60));
        assertThat(original.containment(copy)).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void twoReportsOfTheSameEventInOwnWordsAreNotNearDuplicates() {
        TextFingerprint a = TextFingerprint.of(WIRE);
        TextFingerprint b = TextFingerprint.of("Islamabad launched retaliatory air raids on targets across the border on "
                + "Thursday, Iranian state media reported, saying nine people including women and children died in a village "
                + "near Saravan. Tehran summoned Pakistan's charge d'affaires to demand an explanation.");
        assertThat(a.containment(b)).isLessThan(0.2);
    }

    @Test
    void punctuationCaseAndSpacingDoNotChangeTheFingerprint() {
        assertThat(TextFingerprint.of("Iran struck  targets, in PAKISTAN.")).isEqualTo(TextFingerprint.of("iran struck targets in pakistan"));
    }

    @Test
    void anEmptyTextIsNobodysDuplicate() {
        assertThat(TextFingerprint.of("").containment(TextFingerprint.of(""))).isZero();
        assertThat(TextFingerprint.of(null).shingles()).isZero();
    }

    @Test
    void aStoredFingerprintReadsBackEqual() {
        TextFingerprint fingerprint = TextFingerprint.of("Iran struck targets in Pakistan on Tuesday, officials said.");
        byte[] stored = org.flashpoint.contracts.Json.write(fingerprint);
        assertThat(org.flashpoint.contracts.Json.read(stored, TextFingerprint.class)).isEqualTo(fingerprint);
        assertThat(stored.length).isLessThan(700);
    }
}
