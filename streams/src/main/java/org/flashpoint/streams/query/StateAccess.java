package org.flashpoint.streams.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's view of the topology's state: its local stores and who owns which dyad. */
public interface StateAccess {

    /** A local key-value store of the topology; throws {@link QueryProblem} (503) while it is not queryable. */
    <V> ReadOnlyKeyValueStore<String, V> store(String name);

    /** The instance owning {@code dyadKey} when it is not this one; empty when this instance answers. */
    Optional<HostInfo> ownerElsewhere(String dyadKey);

    /** Every other instance of the application, for questions whose answer is spread over all of them. */
    List<HostInfo> otherInstances();
}
