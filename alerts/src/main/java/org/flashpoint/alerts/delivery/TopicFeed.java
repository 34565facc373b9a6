package org.flashpoint.alerts.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plain Kafka consumer on its own thread, reading committed records only (the producers are transactional) and
 * handing each batch to a handler. Two kinds: a <em>view</em> feed reads from the beginning under a fresh group and
 * never commits (the in-memory views are rebuilt at every start); a <em>delivery</em> feed uses a stable group and
 * commits after the handler returns, so a restart neither loses nor repeats a whole history of webhooks. It commits
 * no further than the first record the handler still {@link Holds holds} for later, and commits again once that is
 * released, so a restart re-reads what was held rather than losing it.
 */
public final class TopicFeed implements AutoCloseable {

    /**
     * Handles one polled batch. An InterruptedException stops the feed without committing the batch; a
     * RuntimeException makes the feed read the batch again after a pause.
     */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecords<String, byte[]> records) throws InterruptedException;
    }

    /** What a delivery handler has read but not yet finished with. */
    @FunctionalInterface
    public interface Holds {
        /** The lowest offset of {@code partition} still held, if any: the feed does not commit past it. */
        OptionalLong firstHeld(TopicPartition partition);
    }

    private static final Holds NOTHING_HELD = partition -> OptionalLong.empty();

    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final boolean commit;
    private final Holds holds;
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();
    private volatile boolean running = true;

    private TopicFeed(String name, Properties props, Collection<String> topics, boolean commit, Handler handler, Holds holds) {
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.commit = commit;
        this.holds = holds;
        consumer.subscribe(List.copyOf(topics));
        this.thread = new Thread(() -> run(handler), name);
        thread.setDaemon(true);
    }

    /** A feed that replays {@code topics} from the beginning into memory, without committing. */
    public static TopicFeed view(String bootstrapServers, Collection<String> topics, Handler handler) {
        Properties props = base(bootstrapServers, "flashpoint-alerts-view-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return start(new TopicFeed("alerts-view-feed", props, topics, false, handler, NOTHING_HELD));
    }

    /**
     * A feed that resumes {@code topics} where {@code groupId} left off and commits each handled batch.
     *
     * @param startFrom where a group without committed offsets starts: {@code earliest} (the topic's retained
     *                  history; no race with notices produced while the group joins) or {@code latest}
     * @param holds     what the handler holds back from the commit
     */
    public static TopicFeed delivery(String bootstrapServers, String groupId, String startFrom, Collection<String> topics,
                                     Handler handler, Holds holds) {
        if (!"earliest".equals(startFrom) && !"latest".equals(startFrom)) {
            throw new IllegalArgumentException("webhook delivery starts from earliest or latest, got " + startFrom);
        }
        Properties props = base(bootstrapServers, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startFrom);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return start(new TopicFeed("alerts-delivery-feed", props, topics, true, handler, holds));
    }

    private static Properties base(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    private static TopicFeed start(TopicFeed feed) {
        feed.thread.start();
        return feed;
    }

    private void run(Handler handler) {
        boolean heldBack = false;
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    try {
                        handler.handle(records);
                    } catch (RuntimeException e) {
                        // E.g. the dead-letter topic cannot be written: nothing is committed, the batch is read again.
                        LOG.error("{}: a batch failed; retrying it in {}", thread.getName(), RETRY_PAUSE, e);
                        for (TopicPartition partition : records.partitions()) {
                            consumer.seek(partition, records.records(partition).get(0).offset());
                        }
                        Thread.sleep(RETRY_PAUSE.toMillis());
                        continue;
                    }
                }
                // Idle polls commit only to catch up with records released since the last commit.
                if (commit && (!records.isEmpty() || heldBack)) {
                    heldBack = commitUpToHeld();
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // close() was called.
        } catch (RuntimeException e) {
            LOG.error("{} stopped: Kafka failed", thread.getName(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Commits every assigned partition's position, or its first held offset when lower; true when any was lower. */
    private boolean commitUpToHeld() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        boolean heldBack = false;
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            long held = holds.firstHeld(partition).orElse(position);
            heldBack |= held < position;
            offsets.put(partition, new OffsetAndMetadata(Math.min(held, position)));
        }
        // While a group waits, idle polls would otherwise commit the same offsets twice a second.
        if (!offsets.equals(lastCommitted)) {
            consumer.commitSync(offsets);
            lastCommitted = offsets;
        }
        return heldBack;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
