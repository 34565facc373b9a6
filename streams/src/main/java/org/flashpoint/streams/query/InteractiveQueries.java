package org.flashpoint.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.streams.indicators.DyadState;
import org.flashpoint.streams.topology.FlashpointTopology;
import org.flashpoint.streams.topology.StoreKeys;

/**
 * Answers the dashboard questions from the topology's stores. A dyad's data lives on the instance owning the dyad's
 * partition: questions about one dyad are relayed there; questions about all dyads are asked of every instance and
 * the answers merged. Results are the same JSON as the topics (ISO times, sorted keys).
 */
public final class InteractiveQueries {

    static final String API = "/api/v1";
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final StateAccess state;
    private final Forwarder forwarder;
    private final List<Duration> windowSizes;

    public InteractiveQueries(StateAccess state, Forwarder forwarder, List<Duration> windowSizes) {
        this.state = state;
        this.forwarder = forwarder;
        this.windowSizes = List.copyOf(windowSizes);
    }

    /** Every known dyad with its current tension, sorted by key; {@code localOnly} when asked by another instance. */
    public QueryResult dyads(boolean localOnly) {
        return available(() -> dyadsHere(localOnly));
    }

    private QueryResult dyadsHere(boolean localOnly) {
        List<DyadSummary> all = new ArrayList<>();
        ReadOnlyKeyValueStore<String, DyadState> dyads = state.store(FlashpointTopology.DYADS_STORE);
        try (KeyValueIterator<String, DyadState> it = dyads.all()) {
            it.forEachRemaining(kv -> all.add(summary(kv.key, kv.value)));
        }
        if (!localOnly) {
            all.addAll(gather(API + "/dyads?scope=local", new TypeReference<List<DyadSummary>>() { }));
        }
        all.sort(Comparator.comparing(DyadSummary::key));
        return QueryResult.json(Json.writeString(all));
    }

    /** A dyad's indicators with window start in [from, to), by window size then start. */
    public QueryResult indicators(String dyadText, String from, String to, String window, String pathAndQuery, boolean forwarded) {
        return available(() -> indicatorsHere(dyadText, from, to, window, pathAndQuery, forwarded));
    }

    private QueryResult indicatorsHere(String dyadText, String from, String to, String window, String pathAndQuery, boolean forwarded) {
        Dyad dyad = dyad(dyadText);
        Instant start = time("from", from, Instant.EPOCH);
        Instant end = time("to", to, FAR_FUTURE);
        List<Duration> sizes = window == null || window.isBlank() ? windowSizes : List.of(duration(window));
        return onOwner(dyad.toString(), pathAndQuery, forwarded, () -> {
            ReadOnlyKeyValueStore<String, DyadIndicator> store = state.store(FlashpointTopology.INDICATORS_STORE);
            List<DyadIndicator> found = new ArrayList<>();
            for (Duration size : sizes) {
                try (KeyValueIterator<String, DyadIndicator> it = store.range(StoreKeys.window(dyad, size, start),
                        StoreKeys.window(dyad, size, end))) {
                    it.forEachRemaining(kv -> {
                        if (kv.value.windowStart().isBefore(end)) {
                            found.add(kv.value);
                        }
                    });
                }
            }
            return QueryResult.json(Json.writeString(found));
        });
    }

    /** Incidents with event date in [from, to), of one dyad or of all, by event date then id. */
    public QueryResult incidents(String dyadText, String from, String to, boolean localOnly, String pathAndQuery, boolean forwarded) {
        return available(() -> incidentsHere(dyadText, from, to, localOnly, pathAndQuery, forwarded));
    }

    private QueryResult incidentsHere(String dyadText, String from, String to, boolean localOnly, String pathAndQuery, boolean forwarded) {
        Instant start = time("from", from, Instant.EPOCH);
        Instant end = time("to", to, FAR_FUTURE);
        Function<Incident, Boolean> inRange = i -> {
            Instant day = i.eventDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            return !day.isBefore(start) && day.isBefore(end);
        };
        if (dyadText != null && !dyadText.isBlank()) {
            Dyad dyad = dyad(dyadText);
            return onOwner(dyad.toString(), pathAndQuery, forwarded, () -> {
                List<Incident> found = new ArrayList<>();
                ReadOnlyKeyValueStore<String, Incident> store = state.store(FlashpointTopology.INCIDENTS_STORE);
                try (KeyValueIterator<String, Incident> it = store.prefixScan(dyad + ".", org.apache.kafka.common.serialization.Serdes.String().serializer())) {
                    it.forEachRemaining(kv -> {
                        if (inRange.apply(kv.value)) {
                            found.add(kv.value);
                        }
                    });
                }
                return QueryResult.json(Json.writeString(sorted(found)));
            });
        }
        List<Incident> found = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Incident> store = state.store(FlashpointTopology.INCIDENTS_STORE);
        try (KeyValueIterator<String, Incident> it = store.all()) {
            it.forEachRemaining((KeyValue<String, Incident> kv) -> {
                if (inRange.apply(kv.value)) {
                    found.add(kv.value);
                }
            });
        }
        if (!localOnly) {
            String query = "?scope=local" + param("from", from) + param("to", to);
            found.addAll(gather(API + "/incidents" + query, new TypeReference<List<Incident>>() { }));
        }
        return QueryResult.json(Json.writeString(sorted(found)));
    }

    /** One incident with its evidence and sources. */
    public QueryResult incident(String id, String pathAndQuery, boolean forwarded) {
        return available(() -> incidentHere(id, pathAndQuery, forwarded));
    }

    private QueryResult incidentHere(String id, String pathAndQuery, boolean forwarded) {
        int dot = id.indexOf('.');
        if (dot < 0) {
            throw QueryProblem.badRequest("an incident id starts with its dyad, e.g. IRN-PAK.assault.2024-01-16; got " + id);
        }
        Dyad dyad = dyad(id.substring(0, dot));
        return onOwner(dyad.toString(), pathAndQuery, forwarded, () -> {
            Incident incident = state.<Incident>store(FlashpointTopology.INCIDENTS_STORE).get(id);
            if (incident == null) {
                throw QueryProblem.notFound("no incident " + id);
            }
            return QueryResult.json(Json.writeString(incident));
        });
    }

    /** A store can stop being queryable mid-scan when its partition moves; the caller should simply ask again. */
    private static QueryResult available(java.util.function.Supplier<QueryResult> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw QueryProblem.unavailable("the data is moving between instances (" + e.getMessage() + ")");
        }
    }

    private QueryResult onOwner(String dyadKey, String pathAndQuery, boolean forwarded, java.util.function.Supplier<QueryResult> local) {
        Optional<HostInfo> owner = state.ownerElsewhere(dyadKey);
        if (owner.isEmpty()) {
            return local.get();
        }
        if (forwarded) {
            throw QueryProblem.unavailable(dyadKey + " moved to " + owner.get() + " while the request was relayed");
        }
        return forwarder.get(owner.get(), pathAndQuery);
    }

    private <T> List<T> gather(String pathAndQuery, TypeReference<List<T>> type) {
        List<T> all = new ArrayList<>();
        for (HostInfo host : state.otherInstances()) {
            QueryResult answer = forwarder.get(host, pathAndQuery);
            if (answer.status() != 200) {
                throw QueryProblem.unavailable("instance " + host + " answered " + answer.status());
            }
            try {
                all.addAll(Json.mapper().readValue(answer.body(), type));
            } catch (IOException e) {
                throw QueryProblem.unavailable("instance " + host + " sent an unreadable answer: " + e.getMessage());
            }
        }
        return all;
    }

    private DyadSummary summary(String key, DyadState dyadState) {
        Map<String, DyadIndicator> windows = new LinkedHashMap<>(dyadState.latest());
        DyadIndicator current = windows.values().stream().max(Comparator.comparing(DyadIndicator::window)).orElse(null);
        return new DyadSummary(key, Dyad.parse(key), dyadState.clock(), current == null ? null : current.window().toString(),
                current == null ? 0 : current.tension(), current == null ? 0 : current.zScore(), windows);
    }

    private static List<Incident> sorted(List<Incident> incidents) {
        return incidents.stream().sorted(Comparator.comparing(Incident::eventDate).thenComparing(Incident::id)).toList();
    }

    private static Dyad dyad(String text) {
        try {
            return Dyad.parse(text);
        } catch (IllegalArgumentException e) {
            throw QueryProblem.badRequest(e.getMessage());
        }
    }

    static Instant time(String name, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw QueryProblem.badRequest(name + " must be a date (2024-01-16) or an instant (2024-01-16T12:00:00Z), got " + text);
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw QueryProblem.badRequest("window must be an ISO-8601 duration such as P1D, P7D or PT24H, got " + text);
        }
    }

    private static String param(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
