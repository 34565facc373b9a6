package org.flashpoint.deploy.testing;

import java.util.logging.Logger;
import org.flashpoint.deploy.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Gives a test a real Kafka broker, shared by every test of the JVM: Testcontainers' {@code apache/kafka} image
 * where a Docker engine answers (and {@code flashpoint.test.broker} is not {@code embedded}), the embedded KRaft
 * broker otherwise. The choice is logged. Use as {@code @ExtendWith(KafkaBrokerExtension.class)} and take a
 * {@link KafkaBroker} parameter.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final Logger LOG = Logger.getLogger(KafkaBrokerExtension.class.getName());
    private static final String KEY = "flashpoint.kafka.broker";

    /** What a test gets: where to connect, and how the broker was started. */
    public record KafkaBroker(String bootstrapServers, String kind) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every test class, so one broker serves the whole run and closes at its end.
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> startBroker(), Started.class).broker();
    }

    private static Started startBroker() {
        String wanted = System.getProperty("flashpoint.test.broker", System.getenv().getOrDefault("FLASHPOINT_TEST_BROKER", "auto"));
        if (!"embedded".equals(wanted) && dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.0");
            container.start();
            LOG.info("Kafka for tests: Testcontainers apache/kafka at " + container.getBootstrapServers());
            return new Started(new KafkaBroker(container.getBootstrapServers(), "testcontainers"), container::stop);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        LOG.info("Kafka for tests: embedded KRaft broker at " + broker.bootstrapServers()
                + ("embedded".equals(wanted) ? " (asked for)" : " (no Docker engine found)"));
        return new Started(new KafkaBroker(broker.bootstrapServers(), "embedded"), broker::close);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private record Started(KafkaBroker broker, Runnable stop) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stop.run();
        }
    }
}
