package io.github.reservekit.kafkalocal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker), so this reads it and checks that it describes the same
 * cluster as bin/kafka-local: Kafka version, host ports, KRaft without ZooKeeper, replication settings and the
 * creation of {@code reserve}.
 */
class DockerComposeAgreementTest {

    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

    private static Path root;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read_the_compose_file() throws IOException {
        root = Path.of(required("reservekit.root")).toAbsolutePath().normalize();
        try (Reader r = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void every_kafka_image_is_the_project_s_kafka_version() {
        List<String> kafkaImages = services.values().stream()
                .map(s -> (String) s.get("image"))
                .filter(image -> image != null && image.startsWith("apache/kafka"))
                .toList();
        assertThat(kafkaImages).hasSize(4).allMatch(image -> image.equals("apache/kafka:" + kafkaVersion()));
    }

    @Test
    void it_is_kraft_without_zookeeper() {
        assertThat(services.keySet()).noneMatch(name -> name.toLowerCase().contains("zookeeper"));
        assertThat(services.values())
                .noneMatch(s -> String.valueOf(s.get("image")).contains("zookeeper"))
                .noneMatch(s -> env(s).keySet().stream().anyMatch(k -> k.contains("ZOOKEEPER")));
        for (String broker : BROKERS) {
            assertThat(env(broker)).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        }
    }

    @Test
    void brokers_publish_the_seed_s_ports_like_the_local_cluster() {
        List<Integer> local = localLayout().brokerPorts();
        assertThat(local).containsExactly(9092, 9093, 9094);
        for (int i = 0; i < BROKERS.size(); i++) {
            String broker = BROKERS.get(i);
            int port = local.get(i);
            assertThat(services.get(broker).get("ports")).asInstanceOf(LIST).containsExactly(port + ":" + port);
            assertThat(env(broker))
                    .containsEntry("KAFKA_NODE_ID", i + 1)
                    .containsEntry("KAFKA_LISTENERS", "INTERNAL://:19092,EXTERNAL://:" + port + ",CONTROLLER://:29093")
                    .containsEntry(
                            "KAFKA_ADVERTISED_LISTENERS",
                            "INTERNAL://" + broker + ":19092,EXTERNAL://localhost:" + port);
        }
    }

    @Test
    void the_quorum_is_the_three_brokers_and_they_share_one_valid_cluster_id() {
        for (String broker : BROKERS) {
            assertThat(env(broker))
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:29093,2@kafka-2:29093,3@kafka-3:29093")
                    .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                    .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL");
        }
        List<Object> ids =
                BROKERS.stream().map(b -> env(b).get("CLUSTER_ID")).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(Uuid.fromString((String) ids.getFirst())).isNotNull();
    }

    @Test
    void replication_settings_match_the_local_cluster() {
        int rf = ClusterLayout.REPLICATION_FACTOR;
        int minIsr = ClusterLayout.MIN_INSYNC_REPLICAS;
        assertThat(rf).isEqualTo(3);
        assertThat(minIsr).isEqualTo(2);
        for (String broker : BROKERS) {
            assertThat(env(broker))
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", rf)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", minIsr)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", rf)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", rf)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", minIsr)
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .containsEntry("KAFKA_BROKER_SESSION_TIMEOUT_MS", 3000);
        }
    }

    @Test
    void a_one_shot_service_creates_reserve_like_the_local_cluster_does() {
        Map<String, Object> init = services.get("kafka-init");
        assertThat(init.get("restart")).isEqualTo("no");
        assertThat(init.get("depends_on")).asInstanceOf(MAP).containsOnlyKeys(BROKERS.toArray());
        String command =
                ((List<?>) init.get("command")).stream().map(String::valueOf).collect(Collectors.joining(" "));
        assertThat(command)
                .startsWith(
                        "/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka-1:19092,kafka-2:19092,kafka-3:19092")
                .contains("--create --if-not-exists --topic " + ClusterLayout.DEFAULT_TOPIC + " ")
                .contains("--partitions " + ClusterLayout.DEFAULT_PARTITIONS + " ")
                .contains("--replication-factor " + ClusterLayout.REPLICATION_FACTOR + " ")
                .contains("--config min.insync.replicas=" + ClusterLayout.MIN_INSYNC_REPLICAS)
                .contains("--config retention.ms=-1")
                .contains("--config retention.bytes=-1")
                .contains("--config message.timestamp.type=LogAppendTime");
    }

    @Test
    void both_apps_are_built_from_the_repo_and_reach_the_brokers_on_the_internal_listener() {
        assertApp("spring-app", "SPRING_KAFKA_BOOTSTRAP_SERVERS", 8080);
        assertApp("micronaut-app", "KAFKA_BOOTSTRAP_SERVERS", 8081);
    }

    private static void assertApp(String name, String bootstrapVariable, int port) {
        Map<String, Object> app = services.get(name);
        // One Dockerfile (at the root) for both apps: the module and its port are build arguments.
        assertThat(app.get("build"))
                .isEqualTo(Map.of("context", ".", "args", Map.of("APP", name, "PORT", String.valueOf(port))));
        assertThat(env(app)).containsEntry(bootstrapVariable, "kafka-1:19092,kafka-2:19092,kafka-3:19092");
        assertThat(app.get("ports")).asInstanceOf(LIST).containsExactly(port + ":" + port);
        assertThat(app.get("depends_on"))
                .isEqualTo(Map.of("kafka-init", Map.of("condition", "service_completed_successfully")));
    }

    @Test
    void the_dockerfile_builds_the_module_it_is_given_on_a_jdk_and_runs_it_on_a_jre() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:25-jdk AS build")
                .contains("./mvnw -B -q -pl \"$APP\" -am")
                .contains("FROM eclipse-temurin:25-jre")
                .contains("EXPOSE ${PORT}");
    }

    private static ClusterLayout localLayout() {
        return ClusterLayout.consecutive(
                Uuid.randomUuid().toString(),
                ClusterLayout.DEFAULT_BROKERS,
                ClusterLayout.DEFAULT_BASE_PORT,
                ClusterLayout.DEFAULT_BASE_PORT + ClusterLayout.CONTROLLER_PORT_OFFSET,
                ClusterLayout.DEFAULT_TOPIC,
                ClusterLayout.DEFAULT_PARTITIONS);
    }

    private static Map<String, Object> env(String service) {
        return env(services.get(service));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }

    private static String kafkaVersion() {
        return required("reservekit.kafka.version");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value)
                .as("system property %s (set by kafka-local's pom; run through Maven)", property)
                .isNotBlank();
        return value;
    }
}
