package org.flashpoint.contracts;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic name bound to its serdes and its creation settings.
 *
 * @param name         topic name
 * @param keySerde     key serde
 * @param valueSerde   value serde
 * @param partitions   default partition count
 * @param compacted    cleanup.policy=compact when true, delete otherwise
 * @param retention    retention.ms for delete topics; null for infinite
 * @param schema       JSON Schema resource of the value, under {@code /schemas/}
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          boolean compacted, Duration retention, String schema) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** Topic-level configuration for creating it. */
    public java.util.Map<String, String> configs() {
        java.util.Map<String, String> configs = new java.util.TreeMap<>();
        configs.put("cleanup.policy", compacted ? "compact" : "delete");
        configs.put("retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()));
        return configs;
    }
}
