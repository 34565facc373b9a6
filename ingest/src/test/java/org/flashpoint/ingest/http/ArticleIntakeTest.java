package org.flashpoint.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.flashpoint.ingest.corpus.ArticleBuilder;
import org.flashpoint.ingest.publish.RecordingSink;
import org.junit.jupiter.api.Test;

class ArticleIntakeTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String BODY = "Officials in both capitals said the talks would resume next week after a pause of two months.";

    @Test
    void an_ndjson_line_over_the_item_limit_is_rejected_unparsed_and_the_other_lines_accepted() {
        RecordingSink sink = new RecordingSink();
        String huge = "{\"text\":\"" + "x".repeat(ArticleBuilder.MAX_ITEM_BYTES) + "\"}";
        byte[] body = (huge + "\n{\"text\":\"" + BODY + "\"}\n").getBytes(StandardCharsets.UTF_8);

        ArticleIntake.Result result = new ArticleIntake(ArticleBuilder.defaults(), sink)
                .accept(body, ArticleIntake.NDJSON, "r1", NOW);

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.accepted()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.item()).isZero();
            assertThat(e.reason()).isEqualTo("item_too_large");
        });
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo("http:r1#item0");
            assertThat(r.payloadBytes()).isEqualTo(huge.length());
        });
    }
}
