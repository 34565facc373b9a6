package org.flashpoint.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.flashpoint.contracts.Article;

/** Short test articles written for these tests. */
final class Articles {

    static final LocalDate PUBLISHED = LocalDate.of(2024, 1, 17); // a Wednesday

    private Articles() {
    }

    static Article article(String title, String text) {
        return article(title, text, PUBLISHED);
    }

    static Article article(String title, String text, LocalDate published) {
        return new Article("t-" + Math.abs((title + text).hashCode()), "test", null, title, text, List.of(), "en",
                published.atStartOfDay(ZoneOffset.UTC).toInstant(), Article.TimeSource.PUBLISHED, Instant.EPOCH, "test", null);
    }
}
