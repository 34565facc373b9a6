package org.flashpoint.deploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.flashpoint.deploy.testing.KafkaBrokerExtension.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture hands every test of the run the same, working broker. */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaBrokerExtensionIT {

    private static KafkaBroker first;

    @Test
    void the_broker_accepts_admin_requests(KafkaBroker broker) throws Exception {
        assertThat(broker.kind()).isIn("embedded", "testcontainers");
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("extension-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("extension-check");
        }
        remember(broker);
    }

    @Test
    void every_test_gets_the_same_broker(KafkaBroker broker) {
        remember(broker);
        assertThat(broker).isEqualTo(first);
    }

    private static synchronized void remember(KafkaBroker broker) {
        if (first == null) {
            first = broker;
        }
    }
}
