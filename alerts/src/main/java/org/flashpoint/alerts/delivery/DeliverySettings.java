package org.flashpoint.alerts.delivery;

import java.time.Duration;
import java.util.Objects;
import org.flashpoint.contracts.Topic;

/**
 * Where the delivery side reads and how it delivers.
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param topicPrefix       prepended to every topic name (empty in production; tests isolate with it)
 * @param groupId           consumer group of webhook delivery; its committed offsets say what was delivered
 * @param startFrom         where that group starts without committed offsets: {@code earliest} or {@code latest}
 * @param backoff           attempts and waits per notice and subscription
 * @param timeout           connect and response timeout of one attempt
 */
public record DeliverySettings(String bootstrapServers, String topicPrefix, String groupId, String startFrom,
                               Backoff backoff, Duration timeout) {

    public static final String DEFAULT_GROUP_ID = "flashpoint-alerts-webhooks";

    public DeliverySettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        groupId = groupId == null ? DEFAULT_GROUP_ID : groupId;
        startFrom = startFrom == null ? "earliest" : startFrom;
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Defaults: five attempts, waits of 1 s doubling up to 1 min, 10 s per attempt, new group from the earliest. */
    public static DeliverySettings defaults(String bootstrapServers) {
        return new DeliverySettings(bootstrapServers, "", DEFAULT_GROUP_ID, "earliest",
                new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofSeconds(10));
    }

    /** {@code topic} under this deployment's prefix, with the same serdes and settings. */
    public <K, V> Topic<K, V> topic(Topic<K, V> topic) {
        return topicPrefix.isEmpty() ? topic : new Topic<>(topicPrefix + topic.name(), topic.keySerde(), topic.valueSerde(),
                topic.partitions(), topic.compacted(), topic.retention(), topic.schema());
    }
}
