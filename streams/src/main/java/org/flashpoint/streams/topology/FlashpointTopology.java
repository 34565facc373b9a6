package org.flashpoint.streams.topology;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.JsonSerde;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;
import org.flashpoint.streams.StreamsSettings;
import org.flashpoint.streams.dedupe.ArticleDeduplicator;
import org.flashpoint.streams.incidents.AnalyzedArticle;
import org.flashpoint.streams.incidents.DyadIncidents;
import org.flashpoint.streams.incidents.DyadReport;
import org.flashpoint.streams.incidents.IncidentMerger;
import org.flashpoint.streams.incidents.TextFingerprint;
import org.flashpoint.streams.indicators.DyadActivity;
import org.flashpoint.streams.indicators.DyadState;
import org.flashpoint.streams.indicators.IndicatorCalculator;
import org.flashpoint.streams.indicators.WindowAggregate;

/**
 * The whole stream processing in one place:
 * {@code articles} → parse → dedupe → analyse → {@code articles.classified}; → by dyad → incidents →
 * {@code incidents}; → indicators → {@code indicators}; both per article and dyad → {@code dyad.updates}. Every
 * failure on the way → {@code articles.rejected}.
 * Processors, stores and the repartition topic are named, so changing one step does not rename the others' state.
 */
public final class FlashpointTopology {

    public static final String SEEN_ARTICLES = "seen-article-ids";
    /** Per dyad: the open incidents, only what matching needs. */
    public static final String INCIDENT_WORKING_SETS = "incident-working-sets";
    /** Per open incident id: its reports and quotes; the reports' text fingerprints are kept apart. */
    public static final String OPEN_INCIDENTS = "open-incidents";
    /** Per open incident and report, {@code <incident id>|<article id>}: the report's text fingerprint, written once. */
    public static final String OPEN_INCIDENT_FINGERPRINTS = "open-incident-fingerprints";
    /** Every incident by id; the id starts with the dyad, whose partition holds it. */
    public static final String INCIDENTS_STORE = "incidents-by-id";
    /** Per dyad, bucket size and start: what happened in that bucket; windows are sums of consecutive buckets. */
    public static final String INDICATOR_BUCKETS = "indicator-buckets";
    /** Every emitted indicator by {@link StoreKeys#window}. */
    public static final String INDICATORS_STORE = "indicators-by-window";
    /** Per dyad: its clock and current indicators. */
    public static final String DYADS_STORE = "dyads";
    public static final String BY_DYAD_REPARTITION = "articles-by-dyad";

    private static final Serde<String> KEYS = Serdes.String();

    private FlashpointTopology() {
    }

    /** The production topology. */
    public static Topology build(StreamsSettings settings, Analyzer analyzer) {
        return build(settings, analyzer::analyze);
    }

    /** The topology with any analysis function; tests hand in analyses made by hand. */
    public static Topology build(StreamsSettings settings, Function<Article, ClassifiedArticle> analysis) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, settings, analysis);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, StreamsSettings settings, Function<Article, ClassifiedArticle> analysis) {
        Topic<String, Article> articles = settings.topic(Topics.ARTICLES);
        Topic<String, RejectedRecord> rejected = settings.topic(Topics.ARTICLES_REJECTED);
        Topic<String, ClassifiedArticle> classified = settings.topic(Topics.ARTICLES_CLASSIFIED);
        Topic<String, Incident> incidents = settings.topic(Topics.INCIDENTS);
        Topic<String, DyadIndicator> indicators = settings.topic(Topics.INDICATORS);
        Topic<String, DyadUpdate> updates = settings.topic(Topics.DYAD_UPDATES);
        addStores(builder, settings);

        // Raw bytes in, so a payload that is not an Article is rejected with its reason rather than lost in a log line.
        KStream<String, Article> parsed = acceptOrReject(
                builder.stream(articles.name(), Consumed.with(KEYS, Serdes.ByteArray()).withName("articles-source"))
                        .process(ParseArticles::new, Named.as("parse-articles")),
                "parse-articles", rejected);

        // Ingest may send an article twice (retries, re-crawls): analyse and count it once.
        ArticleDeduplicator deduplicator = new ArticleDeduplicator(settings.dedupeRetention());
        KStream<String, Article> unique = parsed.process(() -> new DedupeArticles(deduplicator, SEEN_ARTICLES),
                Named.as("dedupe-articles"), SEEN_ARTICLES);

        // The analysis is pure and per article, so it runs where the article lands, before any repartition.
        KStream<String, AnalyzedArticle> analyzed = acceptOrReject(
                unique.process(() -> new AnalyzeArticles(analysis), Named.as("analyze-articles")),
                "analyze-articles", rejected);
        analyzed.mapValues(AnalyzedArticle::article, Named.as("classified-articles"))
                .to(classified.name(), Produced.with(KEYS, classified.valueSerde()).withName("articles-classified-sink"));

        // Incidents and indicators are per dyad: move every article to each dyad it concerns, as that dyad's report.
        IncidentMerger merger = new IncidentMerger(settings.incidents());
        KStream<String, DyadReport> byDyad = acceptOrReject(
                analyzed.process(() -> new RouteToDyads(merger), Named.as("route-by-dyad")), "route-by-dyad", rejected)
                .repartition(Repartitioned.<String, DyadReport>as(BY_DYAD_REPARTITION)
                        .withKeySerde(KEYS).withValueSerde(JsonSerde.forState(DyadReport.class)));

        // Merging across outlets needs the dyad's open incidents; each change is republished under the incident id.
        KStream<String, DyadActivity> activity = acceptOrReject(
                byDyad.process(() -> new MergeIncidents(merger), Named.as("merge-incidents"),
                        INCIDENT_WORKING_SETS, OPEN_INCIDENTS, OPEN_INCIDENT_FINGERPRINTS, INCIDENTS_STORE),
                "merge-incidents", rejected);
        activity.flatMap((dyad, change) -> change.incidents().stream()
                        .map(incident -> KeyValue.pair(incident.id(), incident)).toList(), Named.as("incident-updates"))
                .to(incidents.name(), Produced.with(KEYS, incidents.valueSerde()).withName("incidents-sink"));

        // Tension windows advance on each dyad's own event-time clock; closed windows refuse late articles.
        IndicatorCalculator calculator = new IndicatorCalculator(settings.indicators());
        KStream<String, DyadUpdate> dyadUpdates = acceptOrReject(
                activity.process(() -> new UpdateIndicators(calculator), Named.as("update-indicators"),
                        INDICATOR_BUCKETS, INDICATORS_STORE, DYADS_STORE),
                "update-indicators", rejected);
        dyadUpdates.flatMapValues(DyadUpdate::indicators, Named.as("indicator-updates"))
                .to(indicators.name(), Produced.with(KEYS, indicators.valueSerde()).withName("indicators-sink"));
        // Incidents and indicators of one article together, so the alert rules read one ordered log per dyad.
        dyadUpdates.to(updates.name(), Produced.with(KEYS, updates.valueSerde()).withName("dyad-updates-sink"));
    }

    private static void addStores(StreamsBuilder builder, StreamsSettings settings) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_ARTICLES, settings.dedupeRetention().multipliedBy(2),
                        settings.dedupeRetention(), false),
                KEYS, Serdes.Long()));
        workingStore(builder, INCIDENT_WORKING_SETS, DyadIncidents.class);
        workingStore(builder, OPEN_INCIDENTS, StoredIncident.class);
        // A working store without the record cache: each key is written once, so caching merged nothing, while its share
        // of the thread's cache made the open incidents' cache evict, and so flush, states about to be written again:
        // 8% more records on that changelog in a replay of the bench's articles.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OPEN_INCIDENT_FINGERPRINTS), KEYS,
                JsonSerde.forState(TextFingerprint.class)));
        historyStore(builder, INCIDENTS_STORE, Incident.class);
        workingStore(builder, INDICATOR_BUCKETS, WindowAggregate.class);
        historyStore(builder, INDICATORS_STORE, DyadIndicator.class);
        workingStore(builder, DYADS_STORE, DyadState.class);
    }

    /**
     * State that processing reads and rewrites per article and that stays bounded (open incidents close, windows
     * expire, one record per dyad): kept in memory, rebuilt from its changelog after a restart. RocksDB cost a fifth of
     * the stream threads' time here, mostly in writes of values that change again within seconds.
     */
    private static <V> void workingStore(StreamsBuilder builder, String name, Class<V> type) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), KEYS, JsonSerde.forState(type))
                .withCachingEnabled());
    }

    /**
     * State that grows with the history it serves to queries (every incident, every indicator): on disk in RocksDB.
     * The record cache in front sends only the last write of each commit interval to RocksDB and the changelog.
     * Values are the published JSON, so the output topics and {@code dyad.updates} reuse the bytes written here.
     */
    private static <V> void historyStore(StreamsBuilder builder, String name, Class<V> type) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), KEYS, new JsonSerde<>(type))
                .withCachingEnabled());
    }

    /** Sends a step's rejections to the dead-letter topic and passes its accepted values on. */
    private static <T> KStream<String, T> acceptOrReject(KStream<String, Outcome<T>> outcomes, String step,
                                                        Topic<String, RejectedRecord> rejected) {
        Map<String, KStream<String, Outcome<T>>> branches = outcomes.split(Named.as(step + "-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        branches.get(step + "-rejected")
                .mapValues(Outcome::rejected, Named.as(step + "-rejection"))
                .to(rejected.name(), Produced.with(KEYS, rejected.valueSerde()).withName(step + "-rejected-sink"));
        return branches.get(step + "-accepted").mapValues(Outcome::value, Named.as(step + "-accepted-value"));
    }

    /** Topics the topology reads or writes, for {@code TopicAdmin.ensureTopics}. */
    public static List<Topic<String, ?>> topics(StreamsSettings settings) {
        return List.of(settings.topic(Topics.ARTICLES), settings.topic(Topics.ARTICLES_REJECTED),
                settings.topic(Topics.ARTICLES_CLASSIFIED), settings.topic(Topics.INCIDENTS), settings.topic(Topics.INDICATORS),
                settings.topic(Topics.DYAD_UPDATES));
    }
}
