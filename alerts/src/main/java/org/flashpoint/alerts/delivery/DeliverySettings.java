package org.flashpoint.alerts.delivery;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
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
 * @param groupInterval     per subscription and dyad, how long after a delivery further notices are held and then
 *                          sent together ({@link org.flashpoint.alerts.lifecycle.NoticeGrouper}); zero sends each at once
 */
public record DeliverySettings(String bootstrapServers, String topicPrefix, String groupId, String startFrom,
                               Backoff backoff, Duration timeout, Duration groupInterval) {

    public static final String DEFAULT_GROUP_ID = "flashpoint-alerts-webhooks";
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofSeconds(30);

    /**
     * Subscriptions and silences made through the API, keyed {@code webhook:<id>} / {@code silence:<id>}, the entry
     * as JSON, a tombstone on delete. Compacted so it stays one record per live entry. Defined here until
     * {@code contracts.Topics} declares it.
     */
    public static final Topic<String, byte[]> SUBSCRIPTIONS =
            new Topic<>("alerts.subscriptions", Serdes.String(), Serdes.ByteArray(), 1, true, null, null);

    public DeliverySettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        groupId = groupId == null ? DEFAULT_GROUP_ID : groupId;
        startFrom = startFrom == null ? "earliest" : startFrom;
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
        groupInterval = groupInterval == null ? DEFAULT_GROUP_INTERVAL : groupInterval;
        if (groupInterval.isNegative()) {
            throw new IllegalArgumentException("the webhook group interval cannot be negative, got " + groupInterval);
        }
    }

    /** With the default group interval. */
    public DeliverySettings(String bootstrapServers, String topicPrefix, String groupId, String startFrom,
                            Backoff backoff, Duration timeout) {
        this(bootstrapServers, topicPrefix, groupId, startFrom, backoff, timeout, DEFAULT_GROUP_INTERVAL);
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
