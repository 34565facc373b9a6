package org.flashpoint.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.flashpoint.alerts.dashboard.DashboardView;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running delivery side: a view feed ({@code alerts}, {@code incidents}, {@code indicators} from the beginning
 * into the in-memory views), the registry's journal ({@code alerts.subscriptions}, replayed before delivery starts)
 * and a delivery feed ({@code alerts} under a committed group into the webhook dispatcher, dead letters to
 * {@code alerts.undelivered}). Creates missing topics first.
 */
public final class DeliveryRole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRole.class);

    private final TopicFeed viewFeed;
    private final TopicFeed deliveryFeed;
    private final WebhookDispatcher dispatcher;
    private final KafkaDeadLetters deadLetters;
    private final KafkaJournal journal;

    private DeliveryRole(TopicFeed viewFeed, TopicFeed deliveryFeed, WebhookDispatcher dispatcher, KafkaDeadLetters deadLetters,
                         KafkaJournal journal) {
        this.viewFeed = viewFeed;
        this.deliveryFeed = deliveryFeed;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.journal = journal;
    }

    public static DeliveryRole start(DeliverySettings settings, AlertView alerts, DashboardView dashboard,
                                     WebhookRegistry registry, DeliveryLog log, DeliveryMetrics metrics) {
        Topic<String, AlertNotice> alertsTopic = settings.topic(Topics.ALERTS);
        var incidents = settings.topic(Topics.INCIDENTS);
        var indicators = settings.topic(Topics.INDICATORS);
        Topic<String, AlertNotice> undelivered = settings.topic(Topics.ALERTS_UNDELIVERED);
        Topic<String, byte[]> subscriptions = settings.topic(DeliverySettings.SUBSCRIPTIONS);
        TopicAdmin.ensureTopics(settings.bootstrapServers(),
                List.of(alertsTopic, incidents, indicators, undelivered, subscriptions));
        KafkaJournal journal = KafkaJournal.open(settings.bootstrapServers(), subscriptions, registry, Duration.ofSeconds(60));

        Map<String, Consumer<byte[]>> route = Map.of(
                alertsTopic.name(), bytes -> alerts.accept(decode(alertsTopic, bytes)),
                incidents.name(), bytes -> dashboard.accept(decode(incidents, bytes)),
                indicators.name(), bytes -> dashboard.accept(decode(indicators, bytes)));
        TopicFeed viewFeed = TopicFeed.view(settings.bootstrapServers(), route.keySet(), records -> {
            for (ConsumerRecord<String, byte[]> r : records) {
                apply(r, route.get(r.topic()));
            }
        });

        KafkaDeadLetters deadLetters = new KafkaDeadLetters(settings.bootstrapServers(), undelivered);
        WebhookDispatcher dispatcher = new WebhookDispatcher(registry, log, deadLetters, metrics, settings.backoff(),
                settings.timeout(), settings.groupInterval(), Clock.systemUTC());
        HeldOffsets held = new HeldOffsets(dispatcher);
        TopicFeed deliveryFeed = TopicFeed.delivery(settings.bootstrapServers(), settings.groupId(), settings.startFrom(),
                List.of(alertsTopic.name()), records -> dispatcher.deliver(held.notices(alertsTopic, records)), held);
        return new DeliveryRole(viewFeed, deliveryFeed, dispatcher, deadLetters, journal);
    }

    /**
     * Where each notice of the delivery feed was read, for as long as the dispatcher may hold it for a grouped
     * delivery, so the feed commits no further. Used on the feed's thread only.
     */
    private static final class HeldOffsets implements TopicFeed.Holds {

        private record ReadAt(TopicPartition partition, long offset) {
        }

        private final WebhookDispatcher dispatcher;
        private final Map<String, ReadAt> read = new HashMap<>();

        HeldOffsets(WebhookDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        List<AlertNotice> notices(Topic<String, AlertNotice> topic, ConsumerRecords<String, byte[]> records) {
            List<AlertNotice> notices = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                apply(r, bytes -> {
                    AlertNotice notice = decode(topic, bytes);
                    notices.add(notice);
                    read.put(notice.id(), new ReadAt(new TopicPartition(r.topic(), r.partition()), r.offset()));
                });
            }
            return notices;
        }

        @Override
        public OptionalLong firstHeld(TopicPartition partition) {
            read.entrySet().removeIf(e -> !dispatcher.holds(e.getKey()));
            return read.values().stream().filter(at -> at.partition().equals(partition)).mapToLong(ReadAt::offset).min();
        }
    }

    /** A record that does not decode is the producer's bug: it is logged with its position and skipped. */
    private static void apply(ConsumerRecord<String, byte[]> record, Consumer<byte[]> action) {
        if (record.value() == null) {
            return;
        }
        try {
            action.accept(record.value());
        } catch (RuntimeException e) {
            LOG.warn("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private static <V> V decode(Topic<String, V> topic, byte[] bytes) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    }

    @Override
    public void close() {
        deliveryFeed.close();
        dispatcher.close();
        deadLetters.close();
        journal.close();
        viewFeed.close();
    }
}
