package org.flashpoint.streams;

import org.apache.kafka.streams.KafkaStreams;

/** A role's running Kafka Streams instance, for health and metrics. */
public interface RunningStreams {

    /** The role's name: {@code streams} or {@code alerts}. */
    String role();

    KafkaStreams streams();
}
