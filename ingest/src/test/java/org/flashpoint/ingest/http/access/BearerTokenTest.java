package org.flashpoint.ingest.http.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private final BearerToken token = new BearerToken("s3cret-Token_value");

    @Test
    void only_the_exact_token_under_the_bearer_scheme_is_admitted() {
        assertThat(token.admits("Bearer s3cret-Token_value")).isTrue();
        assertThat(token.admits("bearer s3cret-Token_value")).as("the scheme is case-insensitive").isTrue();
        assertThat(token.admits("Bearer s3cret-Token_value ")).as("trailing space").isTrue();

        assertThat(token.admits(null)).isFalse();
        assertThat(token.admits("")).isFalse();
        assertThat(token.admits("Bearer")).isFalse();
        assertThat(token.admits("Bearer ")).isFalse();
        assertThat(token.admits("s3cret-Token_value")).as("no scheme").isFalse();
        assertThat(token.admits("Basic s3cret-Token_value")).isFalse();
        assertThat(token.admits("Bearer S3CRET-TOKEN_VALUE")).as("the token itself is case-sensitive").isFalse();
        assertThat(token.admits("Bearer s3cret-Token_valu")).as("a prefix").isFalse();
        assertThat(token.admits("Bearer s3cret-Token_value2")).as("an extension").isFalse();
    }

    @Test
    void writes_need_the_token_and_reads_do_not() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND")) {
            assertThat(BearerToken.guards(method)).as(method).isTrue();
        }
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertThat(BearerToken.guards(method)).as(method).isFalse();
        }
    }

    @Test
    void a_blank_token_is_refused_rather_than_leaving_writes_open() {
        assertThatThrownBy(() -> new BearerToken(" ")).hasMessageContaining(BearerToken.PROPERTY);
        assertThatThrownBy(() -> new BearerToken(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generated_tokens_are_32_random_bytes_in_url_safe_base64() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String generated = BearerToken.generate();
            assertThat(generated).hasSize(43).matches("[A-Za-z0-9_-]+");
            tokens.add(generated);
        }
        assertThat(tokens).hasSize(100);
    }

    @Test
    void a_given_token_is_used_as_it_is_and_only_a_new_one_is_announced() {
        List<String> announced = new ArrayList<>();

        assertThat(BearerToken.givenOrNew("given", announced::add)).isEqualTo("given");
        assertThat(announced).isEmpty();

        String generated = BearerToken.givenOrNew(null, announced::add);
        assertThat(announced).containsExactly(generated);
        assertThat(BearerToken.givenOrNew("  ", announced::add)).isNotBlank().isNotEqualTo(generated);
        assertThat(announced).hasSize(2);
    }
}
