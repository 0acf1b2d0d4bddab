package io.github.reservekit.kafkalocal.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafkalocal.testing.TestProcessCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's cluster, for real: 3 broker processes on free ports, {@code reserve} with RF 3 and min ISR 2,
 * produce and consume, Kafka's own CLI through {@code bin/}, kill -9 of one broker, produce again, restart,
 * stop, and no broker process left behind. The steps share one cluster and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaProcessClusterIT {

    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(3);

    private KafkaProcessCluster cluster;
    private KafkaProducer<String, String> producer;
    private final List<Long> brokerPids = new ArrayList<>();
    private int killed;

    @BeforeAll
    void start_three_brokers_on_free_ports(@TempDir Path dataDir) {
        cluster = TestProcessCluster.start(dataDir);
        cluster.status().forEach(s -> brokerPids.add(s.pid()));
        producer = new KafkaProducer<>(producerConfig());
    }

    @AfterAll
    void stop_everything() {
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        } finally {
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    @Test
    @Order(1)
    void starting_brings_up_three_brokers_and_reserve_with_rf_3_and_min_isr_2() throws Exception {
        assertThat(cluster.status()).hasSize(3).allMatch(KafkaProcessCluster.BrokerStatus::running);
        try (Admin admin = Admin.create(cluster.adminConfig())) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .extracting(Node::id)
                    .containsExactlyInAnyOrder(1, 2, 3);
            TopicDescription reserve = admin.describeTopics(List.of("reserve"))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get("reserve");
            assertThat(reserve.partitions()).hasSize(3).allSatisfy(p -> {
                assertThat(p.replicas()).hasSize(3);
                assertThat(p.isr()).hasSize(3);
            });
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "reserve");
            Config config = admin.describeConfigs(List.of(topic))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            assertThat(config.get("retention.ms").value())
                    .as("reserve keeps every event")
                    .isEqualTo("-1");
            assertThat(config.get("message.timestamp.type").value())
                    .as("records carry the broker's append time, as the apps' fold needs")
                    .isEqualTo("LogAppendTime");
        }
    }

    @Test
    @Order(2)
    void a_record_produced_to_reserve_is_consumed_back() throws Exception {
        send("table-1", "first");
        assertThat(consumeAll()).containsEntry("first", "table-1");
    }

    @Test
    @Order(3)
    void the_seed_s_cli_commands_list_and_describe_reserve() {
        String bootstrap = "localhost:" + cluster.brokerPort(1);
        assertThat(cli("kafka-topics", "--bootstrap-server", bootstrap, "--list"))
                .contains("reserve");
        assertThat(cli("kafka-topics", "--bootstrap-server", bootstrap, "--describe", "--topic", "reserve"))
                .contains("PartitionCount: 3", "ReplicationFactor: 3", "min.insync.replicas=2")
                .containsPattern("Partition: 0\\s+Leader: \\d\\s+Replicas: \\d,\\d,\\d\\s+Isr: \\d,\\d,\\d\\s");
    }

    @Test
    @Order(4)
    void killing_one_broker_shrinks_the_isr_to_two_and_leaves_reserve_writable() throws Exception {
        killed = leaderOfPartitionZero();
        cluster.killBroker(killed);
        assertThat(cluster.isRunning(killed)).isFalse();

        await(
                "ISR of every partition shrinks to the 2 live brokers",
                () -> cluster.describeTopic()
                        .map(d ->
                                d.partitions().stream().allMatch(p -> p.isr().size() == 2 && !hasNode(p.isr(), killed)))
                        .orElse(false));
        String describe = cli(
                "kafka-topics",
                "--bootstrap-server",
                "localhost:" + cluster.brokerPort(survivor()),
                "--describe",
                "--topic",
                "reserve");
        assertThat(describe).containsPattern("Partition: 0\\s+Leader: \\d\\s+Replicas: \\d,\\d,\\d\\s+Isr: \\d,\\d\\s");

        RecordMetadata written = send("table-2", "after-kill");
        assertThat(written.hasOffset()).isTrue();
        assertThat(consumeAll()).containsKeys("first", "after-kill");
    }

    @Test
    @Order(5)
    void restarting_the_killed_broker_brings_it_back_into_the_isr() {
        cluster.startBroker(killed);
        assertThat(cluster.describeTopic())
                .hasValueSatisfying(
                        d -> assertThat(d.partitions()).allMatch(p -> p.isr().size() == 3));
        brokerPids.add(cluster.status().get(killed - 1).pid());
    }

    @Test
    @Order(6)
    void restarting_the_whole_cluster_keeps_the_records_of_reserve() throws Exception {
        cluster.stop();
        assertThat(cluster.status()).noneMatch(KafkaProcessCluster.BrokerStatus::running);
        cluster.start();
        cluster.status().forEach(s -> brokerPids.add(s.pid()));
        assertThat(consumeAll()).containsKeys("first", "after-kill");
    }

    @Test
    @Order(7)
    void stopping_leaves_no_broker_process() {
        cluster.stop();
        assertThat(cluster.status()).noneMatch(KafkaProcessCluster.BrokerStatus::running);
        assertThat(brokerPids)
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("broker pid %d", pid)
                        .isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    private RecordMetadata send(String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>("reserve", key, value)).get(60, TimeUnit.SECONDS);
    }

    /** Every record of {@code reserve} as value to key, read from the beginning. */
    private Map<String, String> consumeAll() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor("reserve", Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<String, String> seen = new HashMap<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(Instant.now())
                        .as("reading reserve up to its end offsets")
                        .isBefore(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.put(r.value(), r.key());
                }
            }
            return seen;
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private int leaderOfPartitionZero() {
        TopicDescription d = cluster.describeTopic().orElseThrow();
        return d.partitions().getFirst().leader().id();
    }

    private int survivor() {
        return cluster.nodeIds().stream().filter(id -> id != killed).findFirst().orElseThrow();
    }

    private static boolean hasNode(List<Node> nodes, int id) {
        return nodes.stream().anyMatch(n -> n.id() == id);
    }

    /** Runs one of the repository's bin/ scripts, as a user would, and returns its stdout. */
    private static String cli(String script, String... args) {
        Path root = Path.of(System.getProperty("reservekit.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("kafka-cli", ".out");
            Path err = Files.createTempFile("kafka-cli", ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            String repo = System.getProperty("reservekit.maven.repo.local");
            if (repo != null && !repo.isBlank()) {
                pb.environment().put("MAVEN_ARGS", "-Dmaven.repo.local=" + repo);
            }
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + CLI_TIMEOUT);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue())
                    .as("exit code of %s%nstdout:%n%s%nstderr:%n%s", String.join(" ", command), stdout, stderr)
                    .isZero();
            Files.delete(out);
            Files.delete(err);
            return stdout;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.get()) {
            assertThat(Instant.now()).as("waiting until %s", what).isBefore(deadline);
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
