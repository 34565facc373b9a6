package org.flashpoint.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flashpoint.contracts.Topic;
import org.flashpoint.contracts.Topics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployment files (deploy/docker-compose.yml, deploy/Dockerfile, deploy/k8s/*.yaml) refer to each other and to
 * the code consistently: topics as declared in {@link Topics}, Services that select existing pods, probes on declared
 * ports, one image name, dependencies on services that exist.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> ROLES = Set.of("ingest", "streams", "alerts");

    @Test
    void every_declared_topic_has_a_kafka_topic_resource_with_its_partitions_and_cleanup_policy() throws IOException {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            resources.put(topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText()), topic);
        }
        assertThat(resources.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        int nodes = only("KafkaNodePool").at("/spec/replicas").asInt();
        for (Topic<String, ?> topic : Topics.ALL) {
            JsonNode spec = resources.get(topic.name()).get("spec");
            assertThat(spec.get("partitions").asInt()).as(topic.name() + " partitions").isEqualTo(topic.partitions());
            Map<String, String> config = new TreeMap<>();
            topic.configs().keySet().forEach(key -> config.put(key, spec.at("/config/" + key).asText()));
            assertThat(config).as(topic.name() + " config").isEqualTo(topic.configs());
            assertThat(spec.get("replicas").asInt()).as(topic.name() + " replicas").isBetween(1, nodes);
        }
    }

    @Test
    void kafka_resources_belong_to_the_one_strimzi_cluster_and_roles_use_its_bootstrap_service() throws IOException {
        JsonNode kafka = only("Kafka");
        String cluster = kafka.at("/metadata/name").asText();
        Stream.concat(ofKind("KafkaTopic").stream(), ofKind("KafkaNodePool").stream()).forEach(resource ->
                assertThat(resource.at("/metadata/labels/strimzi.io~1cluster").asText())
                        .as(resource.at("/metadata/name").asText()).isEqualTo(cluster));
        assertThat(only("KafkaNodePool").at("/spec/roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("controller", "broker");
        int plainPort = -1;
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (!listener.get("tls").asBoolean()) {
                plainPort = listener.get("port").asInt();
            }
        }
        String bootstrap = cluster + "-kafka-bootstrap:" + plainPort;
        for (JsonNode deployment : ofKind("Deployment")) {
            assertThat(argAfter(container(deployment).get("args"), "--bootstrap-servers"))
                    .as(deployment.at("/metadata/name").asText()).isEqualTo(bootstrap);
        }
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(3);
    }

    @Test
    void every_service_selects_the_pods_of_a_deployment_and_targets_a_declared_port() throws IOException {
        List<JsonNode> deployments = ofKind("Deployment");
        List<JsonNode> services = ofKind("Service");
        assertThat(services).hasSameSizeAs(deployments);
        for (JsonNode service : services) {
            String name = service.at("/metadata/name").asText();
            Map<String, String> selector = strings(service.at("/spec/selector"));
            List<JsonNode> selected = deployments.stream()
                    .filter(d -> strings(d.at("/spec/template/metadata/labels")).entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as(name + " selects exactly one deployment's pods").hasSize(1);
            Set<String> ports = declaredPorts(container(selected.get(0)));
            for (JsonNode port : service.at("/spec/ports")) {
                assertThat(port.get("targetPort").asText()).as(name + " target port").isIn(ports);
            }
        }
    }

    @Test
    void every_deployment_selects_its_own_pods_and_probes_the_health_endpoint_on_a_declared_port() throws IOException {
        Set<String> components = new HashSet<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            Map<String, String> labels = strings(deployment.at("/spec/template/metadata/labels"));
            assertThat(labels.entrySet()).as(name).containsAll(strings(deployment.at("/spec/selector/matchLabels")).entrySet());
            components.add(labels.get("app.kubernetes.io/component"));
            JsonNode container = container(deployment);
            assertThat(container.at("/args/0").asText()).as(name + " runs its role").isEqualTo(labels.get("app.kubernetes.io/component"));
            String portArg = argAfter(container.get("args"), "--port");
            assertThat(declaredPorts(container)).as(name + " declares the port it listens on").contains(portArg);
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                JsonNode get = container.at("/" + probe + "/httpGet");
                assertThat(get.get("path").asText()).as(name + " " + probe).startsWith("/health");
                assertThat(get.get("port").asText()).as(name + " " + probe + " port").isIn(declaredPorts(container));
            }
            for (JsonNode mount : container.path("volumeMounts")) {
                assertThat(deployment.at("/spec/template/spec/volumes").findValuesAsText("name"))
                        .as(name + " mounts a declared volume").contains(mount.get("name").asText());
            }
        }
        assertThat(components).isEqualTo(ROLES);
    }

    @Test
    void compose_services_depend_on_services_that_exist_and_reach_the_brokers_it_declares() throws IOException {
        JsonNode services = compose().get("services");
        Set<String> names = new HashSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsAll(ROLES).contains("kafka-1", "kafka-2", "kafka-3");
        Pattern hostPort = Pattern.compile("(kafka-\\d+):9092");
        for (String name : names) {
            JsonNode service = services.get(name);
            service.path("depends_on").fieldNames().forEachRemaining(dependency ->
                    assertThat(names).as(name + " depends on " + dependency).contains(dependency));
            Matcher brokers = hostPort.matcher(service.path("command").toString() + service.path("entrypoint"));
            while (brokers.find()) {
                assertThat(names).as(name + " connects to " + brokers.group(1)).contains(brokers.group(1));
            }
        }
        assertThat(services.at("/streams/deploy/replicas").asInt()).isEqualTo(2);
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            String voters = services.at("/" + broker + "/environment/KAFKA_CONTROLLER_QUORUM_VOTERS").asText();
            for (String voter : voters.split(",")) {
                assertThat(names).as(broker + " voter " + voter).contains(voter.replaceAll("^\\d+@|:\\d+$", ""));
            }
            assertThat(services.at("/" + broker + "/environment/KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
        }
    }

    @Test
    void one_flashpoint_image_and_one_kafka_version_across_compose_kubernetes_and_the_dockerfile() throws IOException {
        JsonNode services = compose().get("services");
        Set<String> images = new HashSet<>();
        ROLES.forEach(role -> images.add(services.at("/" + role + "/image").asText()));
        ofKind("Deployment").forEach(d -> images.add(container(d).get("image").asText()));
        assertThat(images).hasSize(1);
        assertThat(images.iterator().next()).startsWith("flashpoint:");
        ROLES.forEach(role -> assertThat(services.at("/" + role + "/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile"));

        String kafkaVersion = only("Kafka").at("/spec/kafka/version").asText();
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(services.at("/" + broker + "/image").asText()).isEqualTo("apache/kafka:" + kafkaVersion);
        }

        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);
        assertThat(dockerfile).contains("COPY app/target/flashpoint.jar flashpoint.jar", "COPY app/target/lib/ lib/")
                .contains("\"-jar\", \"/opt/flashpoint/flashpoint.jar\"");
    }

    @Test
    void docker_compose_accepts_the_compose_file_where_a_docker_engine_answers() throws Exception {
        Assumptions.assumeTrue(succeeds("docker", "info"), "no Docker engine answers here; `docker compose config` not run");
        Process config = new ProcessBuilder("docker", "compose", "-f", DEPLOY.resolve("docker-compose.yml").toString(), "config", "--quiet")
                .redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(output).isZero();
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    }

    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    it.forEachRemaining(doc -> {
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            documents.add(doc);
                        }
                    });
                }
            }
        }
        return documents;
    }

    private static List<JsonNode> ofKind(String kind) throws IOException {
        return manifests().stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static JsonNode only(String kind) throws IOException {
        List<JsonNode> found = ofKind(kind);
        assertThat(found).as("resources of kind " + kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).as(deployment.at("/metadata/name").asText() + " containers").isEqualTo(1);
        return containers.get(0);
    }

    /** Port names and numbers a container declares, as probes and Services may refer to either. */
    private static Set<String> declaredPorts(JsonNode container) {
        Set<String> ports = new HashSet<>();
        for (JsonNode port : container.path("ports")) {
            ports.add(port.get("containerPort").asText());
            if (port.has("name")) {
                ports.add(port.get("name").asText());
            }
        }
        return ports;
    }

    private static String argAfter(JsonNode args, String option) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).asText().equals(option)) {
                return args.get(i + 1).asText();
            }
        }
        throw new AssertionError("no " + option + " in " + args);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
