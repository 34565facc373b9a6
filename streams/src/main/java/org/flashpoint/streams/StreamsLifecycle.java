package org.flashpoint.streams;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starting, waiting for and stopping a Kafka Streams instance the same way in every role. */
public final class StreamsLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private StreamsLifecycle() {
    }

    /** Starts {@code topology}; returns at once, before the first rebalance ends. */
    public static KafkaStreams start(String role, Topology topology, Properties properties) {
        KafkaStreams streams = new KafkaStreams(topology, properties);
        // A record that slips past the guards kills one thread's work, not the role: the thread is replaced.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{} stream thread failed; replacing it", role, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return streams;
    }

    /** Waits until the instance is RUNNING; false when {@code timeout} passed first or it failed. */
    public static boolean awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Closes with a bounded wait, saying so when Kafka Streams did not finish in time. */
    public static void close(String role, KafkaStreams streams) {
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("{} Kafka Streams did not close within {}", role, CLOSE_TIMEOUT);
        }
    }
}
