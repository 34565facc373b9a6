package org.flashpoint.streams.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.flashpoint.streams.topology.FlashpointTopology;

/** {@link StateAccess} over a running {@link KafkaStreams}; {@code self} is this instance's {@code application.server}. */
public final class KafkaStateAccess implements StateAccess {

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param applicationServer this instance's host:port, or null when it runs alone */
    public KafkaStateAccess(KafkaStreams streams, String applicationServer) {
        this.streams = streams;
        this.self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
    }

    @Override
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw QueryProblem.unavailable("store " + name + " is not queryable (" + streams.state() + ")");
        }
    }

    @Override
    public Optional<HostInfo> ownerElsewhere(String dyadKey) {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(FlashpointTopology.DYADS_STORE, dyadKey, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw QueryProblem.unavailable("no instance owns " + dyadKey + " right now (" + streams.state() + ")");
        }
        return metadata.activeHost().equals(self) ? Optional.empty() : Optional.of(metadata.activeHost());
    }

    @Override
    public List<HostInfo> otherInstances() {
        if (self == null) {
            return List.of();
        }
        return streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .toList();
    }
}
