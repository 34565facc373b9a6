package org.flashpoint.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // Key "flashpoint-webhook-test-key-0001"; expected value computed outside Java (HMAC-SHA256, base64).
    private static final String SECRET = "whsec_Zmxhc2hwb2ludC13ZWJob29rLXRlc3Qta2V5LTAwMDE=";
    private static final String ID = "tension-week.IRN-PAK.20240117T000000Z/1";
    private static final long TIMESTAMP = 1705449600L;
    private static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_signature_matches_a_vector_computed_elsewhere() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,y5BLdchCTwNbCy2+OtTtMgKptDuzxbVgFJI/DsDSk1s=");
    }

    @Test
    void the_signature_is_hmac_sha256_of_id_timestamp_and_body_keyed_with_the_decoded_secret() throws Exception {
        String secret = WebhookSignature.newSecret();
        byte[] body = "{\"id\":\"x\",\"data\":{\"quote\":\"ü – «»\"}}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("msg-42.1700000000." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(secret, "msg-42", 1700000000L, body)).isEqualTo(expected);
    }

    @Test
    void a_different_timestamp_body_or_id_gives_a_different_signature() {
        String base = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
    }

    @Test
    void new_secrets_are_whsec_prefixed_base64_and_differ() {
        String a = WebhookSignature.newSecret();

        assertThat(a).startsWith("whsec_");
        assertThat(WebhookSignature.key(a)).hasSize(24);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }

    @Test
    void a_secret_without_the_prefix_too_short_or_not_base64_is_refused_with_the_reason() {
        assertThatThrownBy(() -> WebhookSignature.key("c2VjcmV0c2VjcmV0c2VjcmV0")).hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_c2hvcnQ=")).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_not*base64!")).hasMessageContaining("must be base64");
    }
}
