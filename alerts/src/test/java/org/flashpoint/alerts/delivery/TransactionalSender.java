package org.flashpoint.alerts.delivery;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flashpoint.contracts.Topic;

/** Writes records the way the topologies do (in transactions), so the delivery side's read_committed feeds see them. */
public final class TransactionalSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TransactionalSender(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "delivery-test-" + UUID.randomUUID());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Sends one record in its own committed transaction. */
    public <V> void send(Topic<String, V> topic, String key, V value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
        producer.commitTransaction();
    }

    /** Sends several records to one topic in one committed transaction, so a consumer likely reads them in one batch. */
    public <V> void sendAll(Topic<String, V> topic, String key, java.util.List<V> values) {
        producer.beginTransaction();
        for (V value : values) {
            producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
        }
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
