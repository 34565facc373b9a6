package org.flashpoint.alerts.topology;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.flashpoint.alerts.lifecycle.AlertEngine;
import org.flashpoint.alerts.lifecycle.AlertState;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.DyadUpdate;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.JsonSerde;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;

/**
 * The alerting in one place: {@code dyad.updates} → rules and lifecycle → {@code alerts}. The input is already keyed
 * by dyad and holds each article's incidents together with the indicators they moved, in the order the streams role
 * produced them, so the evaluator reads exactly the sequence a backtest computes: no repartition, no interleaving of
 * two topics that could differ from run to run.
 */
public final class AlertsTopology {

    /** Per dyad: indicator windows, the ids of recent incidents and the evaluation clock ({@link StoredHistory}). */
    public static final String HISTORY_STORE = "alert-dyad-history";
    /** Per incident id (unique across dyads): the latest version of each incident a dyad history names. */
    public static final String INCIDENTS_STORE = "alert-incidents";
    /** Per (rule, dyad), key {@code rule|IRN-PAK}: the open episode. */
    public static final String LIFECYCLE_STORE = "alert-lifecycle";

    private static final Serde<String> KEYS = Serdes.String();

    private AlertsTopology() {
    }

    public static Topology build(AlertsSettings settings, RuleSet rules) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, settings, rules);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, AlertsSettings settings, RuleSet rules) {
        Objects.requireNonNull(rules, "rules");
        Topic<String, DyadUpdate> updates = settings.topic(Topics.DYAD_UPDATES);
        Topic<String, AlertNotice> alerts = settings.topic(Topics.ALERTS);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE),
                KEYS, JsonSerde.forState(StoredHistory.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS_STORE),
                KEYS, JsonSerde.forState(Incident.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LIFECYCLE_STORE),
                KEYS, JsonSerde.forState(AlertState.class)).withCachingEnabled());

        // Rules and lifecycle per dyad, in event time; each change becomes one notice keyed by dyad.
        AlertEngine engine = new AlertEngine(rules);
        builder.stream(updates.name(), Consumed.with(KEYS, updates.valueSerde()).withName("dyad-updates-source"))
                .filter((dyad, update) -> update != null, Named.as("dyad-updates-present"))
                .process(() -> new EvaluateAlerts(engine, settings.wallClockInterval()), Named.as("evaluate-alerts"),
                        HISTORY_STORE, INCIDENTS_STORE, LIFECYCLE_STORE)
                .to(alerts.name(), Produced.with(KEYS, alerts.valueSerde()).withName("alerts-sink"));
    }

    /** Topics the topology reads or writes, for {@code TopicAdmin.ensureTopics}. */
    public static List<Topic<String, ?>> topics(AlertsSettings settings) {
        return List.of(settings.topic(Topics.DYAD_UPDATES), settings.topic(Topics.ALERTS));
    }
}
