package org.flashpoint.alerts.topology;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.flashpoint.alerts.lifecycle.AlertEngine;
import org.flashpoint.alerts.lifecycle.AlertState;
import org.flashpoint.alerts.lifecycle.DyadHistory;
import org.flashpoint.alerts.rules.RuleSet;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.JsonSerde;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;

/**
 * The alerting in one place: {@code indicators} + {@code incidents} → by dyad → rules and lifecycle → {@code alerts}.
 * Processors, stores and the repartition topic are named, so changing one step does not rename the others' state.
 */
public final class AlertsTopology {

    /** Per dyad: indicator windows, recent incidents and the evaluation clock. */
    public static final String HISTORY_STORE = "alert-dyad-history";
    /** Per (rule, dyad), key {@code rule|IRN-PAK}: the open episode. */
    public static final String LIFECYCLE_STORE = "alert-lifecycle";
    public static final String INPUTS_BY_DYAD = "alert-inputs-by-dyad";

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
        Topic<String, DyadIndicator> indicators = settings.topic(Topics.INDICATORS);
        Topic<String, Incident> incidents = settings.topic(Topics.INCIDENTS);
        Topic<String, AlertNotice> alerts = settings.topic(Topics.ALERTS);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE),
                KEYS, new JsonSerde<>(DyadHistory.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LIFECYCLE_STORE),
                KEYS, new JsonSerde<>(AlertState.class)));

        // Indicators are already keyed by dyad; incidents are keyed by id and carry their dyad.
        KStream<String, AlertInput> fromIndicators = builder
                .stream(indicators.name(), Consumed.with(KEYS, indicators.valueSerde()).withName("indicators-source"))
                .filter((dyad, indicator) -> indicator != null, Named.as("indicators-present"))
                .map((dyad, indicator) -> org.apache.kafka.streams.KeyValue.pair(indicator.dyad().toString(),
                        new AlertInput(indicator, null)), Named.as("indicator-inputs"));
        KStream<String, AlertInput> fromIncidents = builder
                .stream(incidents.name(), Consumed.with(KEYS, incidents.valueSerde()).withName("incidents-source"))
                .filter((id, incident) -> incident != null, Named.as("incidents-present"))
                .map((id, incident) -> org.apache.kafka.streams.KeyValue.pair(incident.dyad().toString(),
                        new AlertInput(null, incident)), Named.as("incident-inputs"));

        // One log per dyad, so the evaluator sees a dyad's indicators and incidents in one order.
        KStream<String, AlertInput> byDyad = fromIndicators.merge(fromIncidents, Named.as("alert-inputs"))
                .repartition(Repartitioned.<String, AlertInput>as(INPUTS_BY_DYAD)
                        .withKeySerde(KEYS).withValueSerde(new JsonSerde<>(AlertInput.class)));

        // Rules and lifecycle per dyad, in event time; each change becomes one notice keyed by dyad.
        AlertEngine engine = new AlertEngine(rules);
        byDyad.process(() -> new EvaluateAlerts(engine, settings.wallClockInterval()), Named.as("evaluate-alerts"),
                        HISTORY_STORE, LIFECYCLE_STORE)
                .to(alerts.name(), Produced.with(KEYS, alerts.valueSerde()).withName("alerts-sink"));
    }

    /** Topics the topology reads or writes, for {@code TopicAdmin.ensureTopics}. */
    public static List<Topic<String, ?>> topics(AlertsSettings settings) {
        return List.of(settings.topic(Topics.INDICATORS), settings.topic(Topics.INCIDENTS), settings.topic(Topics.ALERTS));
    }
}
