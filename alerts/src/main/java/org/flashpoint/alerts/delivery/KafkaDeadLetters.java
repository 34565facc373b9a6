package org.flashpoint.alerts.delivery;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Topic;

/** Writes undeliverable notices to {@code alerts.undelivered}, keyed by subscription id, waiting for the ack. */
public final class KafkaDeadLetters implements WebhookDispatcher.DeadLetters, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Topic<String, AlertNotice> topic;

    public KafkaDeadLetters(String bootstrapServers, Topic<String, AlertNotice> topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    @Override
    public void send(String subscriptionId, AlertNotice notice) {
        try {
            // Waited for, so the delivery feed commits the notice's offset only once it is safe here.
            producer.send(new ProducerRecord<>(topic.name(), subscriptionId,
                    topic.valueSerde().serializer().serialize(topic.name(), notice))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + notice.id(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot dead-letter " + notice.id() + " to " + topic.name(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
