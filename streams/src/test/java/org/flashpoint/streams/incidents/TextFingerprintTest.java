package org.flashpoint.streams.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flashpoint.contracts.Json;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    private static final double NEAR_DUPLICATE = IncidentSettings.DEFAULTS.nearDuplicateContainment();

    private static final String WIRE = "Pakistan said on Thursday it had carried out military strikes against militant hideouts "
            + "in Iran's Sistan and Baluchestan province, two days after Tehran struck targets inside Pakistan. "
            + "The foreign ministry in Islamabad said several militants were killed in the precision strikes, "
            + "and that the country respected the sovereignty and territorial integrity of Iran.";

    @Test
    void aSyndicatedCopyWithAnotherHeadlineAndACutEndingIsANearDuplicate() {
        TextFingerprint original = TextFingerprint.of("Pakistan strikes Iran\n\n" + WIRE);
        TextFingerprint copy = TextFingerprint.of("Islamabad retaliates\n\n" + WIRE.substring(0, WIRE.length() - 60));
        assertThat(original.containment(copy)).isGreaterThanOrEqualTo(NEAR_DUPLICATE);
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
    void aTextIsItsOwnDuplicateWhateverItsLength() {
        for (String text : new String[] {"Strike", "Iran struck Pakistan", WIRE, words(new Random(1), 700)}) {
            assertThat(TextFingerprint.of(text).containment(TextFingerprint.of(text))).as(text).isEqualTo(1.0);
        }
    }

    @Test
    void unrelatedLongTextsShareAlmostNothing() {
        Random random = new Random(2);
        for (int i = 0; i < 50; i++) {
            assertThat(TextFingerprint.of(words(random, 700)).containment(TextFingerprint.of(words(random, 700))))
                    .isLessThan(0.05);
        }
    }

    @Test
    void theFirstThirdOfALongTextUnderAnotherHeadlineIsStillANearDuplicate() {
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            String[] text = words(random, 700).split(" ");
            String third = "Breaking news " + String.join(" ", Arrays.copyOf(text, text.length / 3));
            assertThat(TextFingerprint.of(String.join(" ", text)).containment(TextFingerprint.of(third)))
                    .isGreaterThanOrEqualTo(NEAR_DUPLICATE);
        }
    }

    @Test
    void halfSharedTextsAreEstimatedAtAboutHalf() {
        // 397 shingles each, 197 of them shared: containment 0.496.
        Random random = new Random(4);
        double sum = 0;
        int pairs = 100;
        for (int i = 0; i < pairs; i++) {
            String shared = words(random, 200);
            double estimate = TextFingerprint.of(shared + " " + words(random, 200))
                    .containment(TextFingerprint.of(shared + " " + words(random, 200)));
            assertThat(estimate).isCloseTo(0.496, within(0.2));
            sum += estimate;
        }
        assertThat(sum / pairs).isCloseTo(0.496, within(0.03));
    }

    @Test
    void punctuationCaseAndSpacingDoNotChangeTheFingerprint() {
        assertThat(TextFingerprint.of("Iran struck  targets, in PAKISTAN.")).isEqualTo(TextFingerprint.of("iran struck targets in pakistan"));
    }

    @Test
    void anEmptyTextIsNobodysDuplicate() {
        assertThat(TextFingerprint.of("").containment(TextFingerprint.of(""))).isZero();
        assertThat(TextFingerprint.of(null).shingles()).isZero();
        assertThat(TextFingerprint.of(" ,.- ").containment(TextFingerprint.of(WIRE))).isZero();
        assertThat(TextFingerprint.of(WIRE).containment(TextFingerprint.of(null))).isZero();
    }

    @Test
    void textsShorterThanAShingleAreOneShingle() {
        assertThat(TextFingerprint.of("Iran struck").shingles()).isEqualTo(1);
        assertThat(TextFingerprint.of("Iran struck").containment(TextFingerprint.of("Pakistan struck"))).isZero();
    }

    @Test
    void aStoredFingerprintReadsBackEqualInAboutThreeHundredAndFiftyCharacters() {
        TextFingerprint fingerprint = TextFingerprint.of(words(new Random(5), 700));
        assertThat(TextFingerprint.decode(fingerprint.encoded())).isEqualTo(fingerprint);
        byte[] stored = Json.write(fingerprint);
        assertThat(Json.read(stored, TextFingerprint.class)).isEqualTo(fingerprint);
        assertThat(fingerprint.encoded()).hasSizeLessThanOrEqualTo(350);
        TextFingerprint empty = TextFingerprint.of("");
        assertThat(TextFingerprint.decode(empty.encoded())).isEqualTo(empty);
    }

    @Test
    void aFingerprintOfTheFormer32BitFormatIsRefusedNotMisread() {
        String former = "12:" + Base64.getEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(128 * Integer.BYTES).array());
        assertThatThrownBy(() -> TextFingerprint.decode(former)).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code n} words drawn from a made-up vocabulary large enough that unrelated texts share no 4-word phrase. */
    private static String words(Random random, int n) {
        return IntStream.range(0, n).mapToObj(i -> "w" + Integer.toString(random.nextInt(5000), 36))
                .collect(Collectors.joining(" "));
    }
}
