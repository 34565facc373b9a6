package org.flashpoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `flashpoint broker` as a user runs it: a child JVM from the built jar, a ready line, plain clients, Ctrl-C. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokerCommandIT {

    private static final Pattern READY = Pattern.compile("READY bootstrap.servers=(\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void the_broker_command_serves_plain_kafka_clients_and_stops_cleanly_on_sigterm() throws Exception {
        Path jar = Path.of("target", "flashpoint.jar").toAbsolutePath();
        assertThat(jar).exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "broker", "--data-dir", dataDir.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        // Output is read on its own thread so a silent child can never hang the test past its timeout.
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
        }, "broker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String bootstrap = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (bootstrap == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                Matcher m = line == null ? null : READY.matcher(line);
                if (m != null && m.find()) {
                    bootstrap = m.group(1);
                }
            }
            assertThat(bootstrap).as("ready line").isNotNull();

            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("hello", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("hello", "k", "world")).get(30, TimeUnit.SECONDS);
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                    "group.id", "it", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("hello"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long pollDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (records.isEmpty() && System.nanoTime() < pollDeadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.iterator().next().value()).isEqualTo("world");
            }

            // SIGTERM through the handle: Process.destroy() would also close our end of the child's output.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(String.join("\n", lines)).as("output after SIGTERM, exit code %d", process.exitValue())
                    .contains("Broker stopped.");
        } finally {
            process.destroyForcibly();
        }
    }
}
