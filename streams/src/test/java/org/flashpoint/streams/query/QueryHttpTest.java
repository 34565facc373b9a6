package org.flashpoint.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;
import org.flashpoint.streams.topology.FlashpointTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP surface of the streams role: routes, JSON bodies and problem documents. */
class QueryHttpTest {

    private ApplicationContext context;
    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        StateAccess empty = new StateAccess() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                if (name.equals(FlashpointTopology.DYADS_STORE)) {
                    throw QueryProblem.unavailable("store " + name + " is not queryable (REBALANCING)");
                }
                return emptyStore();
            }

            @Override
            public Optional<HostInfo> ownerElsewhere(String dyadKey) {
                return Optional.empty();
            }

            @Override
            public List<HostInfo> otherInstances() {
                return List.of();
            }
        };
        context = ApplicationContext.builder()
                .environments("streams")
                .properties(Map.of("micronaut.server.port", -1, "flashpoint.streams.enabled", false))
                .singletons(new InteractiveQueries(empty, new Forwarder(), List.of(java.time.Duration.ofDays(1))))
                .start();
        server = context.getBean(EmbeddedServer.class).start();
    }

    private static <V> ReadOnlyKeyValueStore<String, V> emptyStore() {
        return new ReadOnlyKeyValueStore<>() {
            @Override
            public V get(String key) {
                return null;
            }

            @Override
            public org.apache.kafka.streams.state.KeyValueIterator<String, V> range(String from, String to) {
                return emptyIterator();
            }

            @Override
            public org.apache.kafka.streams.state.KeyValueIterator<String, V> all() {
                return emptyIterator();
            }

            @Override
            public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> org.apache.kafka.streams.state.KeyValueIterator<String, V> prefixScan(P prefix, PS serializer) {
                return emptyIterator();
            }

            @Override
            public long approximateNumEntries() {
                return 0;
            }
        };
    }

    private static <V> org.apache.kafka.streams.state.KeyValueIterator<String, V> emptyIterator() {
        return new org.apache.kafka.streams.state.KeyValueIterator<>() {
            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                throw new java.util.NoSuchElementException();
            }

            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public org.apache.kafka.streams.KeyValue<String, V> next() {
                throw new java.util.NoSuchElementException();
            }
        };
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEmptyIncidentListIsAJsonArray() throws Exception {
        HttpResponse<String> response = get("/api/v1/incidents?dyad=IRN-PAK&from=2024-01-01");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(Json.mapper().readValue(response.body(), Incident[].class)).isEmpty();
    }

    @Test
    void anUnknownIncidentIsAProblemDocumentWith404() throws Exception {
        HttpResponse<String> response = get("/api/v1/incidents/IRN-PAK.assault.2024-01-16");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        Map<String, Object> problem = Json.mapper().readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(problem).containsEntry("status", 404).containsEntry("title", "Not found")
                .containsEntry("instance", "/api/v1/incidents/IRN-PAK.assault.2024-01-16");
        assertThat((String) problem.get("detail")).contains("no incident IRN-PAK.assault.2024-01-16");
    }

    @Test
    void aMalformedDyadIsABadRequestProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/dyads/IRAN-PAKISTAN/indicators");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400");
    }

    @Test
    void aStoreThatIsNotQueryableYetIsA503Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/dyads");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("REBALANCING").contains("retry");
    }
}
