package org.flashpoint.contracts;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic Flashpoint reads or writes, in one place. The README's topic table mirrors this class. */
public final class Topics {

    private static final Serde<String> KEY = Serdes.String();
    /**
     * No time-based deletion: record timestamps are publication times, so a broker deleting by age would drop a
     * replayed 2024 corpus at its first clean-up. Bound topics by size ({@code retention.bytes}) where needed.
     */
    private static final Duration KEEP = null;

    /** Normalised articles, keyed by article id; record time = publication time. */
    public static final Topic<String, Article> ARTICLES =
            new Topic<>("articles", KEY, new JsonSerde<>(Article.class), 6, false, KEEP, "article.schema.json");

    /** Everything rejected anywhere, with the reason and the original bytes. */
    public static final Topic<String, RejectedRecord> ARTICLES_REJECTED =
            new Topic<>("articles.rejected", KEY, new JsonSerde<>(RejectedRecord.class), 1, false, KEEP,
                    "rejected-record.schema.json");

    /** Analysed articles with events and evidence, keyed by article id. */
    public static final Topic<String, ClassifiedArticle> ARTICLES_CLASSIFIED =
            new Topic<>("articles.classified", KEY, new JsonSerde<>(ClassifiedArticle.class), 6, false, KEEP,
                    "classified-article.schema.json");

    /** Incidents merged across outlets, keyed by incident id; latest state per key. */
    public static final Topic<String, Incident> INCIDENTS =
            new Topic<>("incidents", KEY, new JsonSerde<>(Incident.class), 6, true, null, "incident.schema.json");

    /** Per-dyad windowed tension indicators, keyed by dyad ("IRN-PAK"). */
    public static final Topic<String, DyadIndicator> INDICATORS =
            new Topic<>("indicators", KEY, new JsonSerde<>(DyadIndicator.class), 6, false, KEEP,
                    "dyad-indicator.schema.json");

    /**
     * Per article and dyad, the incidents and indicators it changed, keyed by dyad: one ordered log per dyad for the
     * alert rules, so live alerting sees exactly what a backtest sees.
     */
    public static final Topic<String, DyadUpdate> DYAD_UPDATES =
            new Topic<>("dyad.updates", KEY, new JsonSerde<>(DyadUpdate.class), 6, false, KEEP, "dyad-update.schema.json");

    /** Alert notices (CloudEvents envelope), keyed by dyad. */
    public static final Topic<String, AlertNotice> ALERTS =
            new Topic<>("alerts", KEY, new JsonSerde<>(AlertNotice.class), 6, false, KEEP,
                    "alert-notice.schema.json");

    /** Webhook deliveries that failed every retry, keyed by subscription id. */
    public static final Topic<String, AlertNotice> ALERTS_UNDELIVERED =
            new Topic<>("alerts.undelivered", KEY, new JsonSerde<>(AlertNotice.class), 1, false, KEEP,
                    "alert-notice.schema.json");

    public static final List<Topic<String, ?>> ALL =
            List.of(ARTICLES, ARTICLES_REJECTED, ARTICLES_CLASSIFIED, INCIDENTS, INDICATORS, DYAD_UPDATES, ALERTS,
                    ALERTS_UNDELIVERED);

    private Topics() {
    }
}
