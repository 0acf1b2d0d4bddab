package io.github.reservekit.kafkalocal.injvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dev run's broker keeps its data across a restart, on the port asked for when it is free. */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DevKafkaBrokerIT {

    // A broker that gives up calls Kafka's Exit, which would end the test JVM: make it a failure that says why.
    @BeforeAll
    static void kafkaExitFailsTheTestInsteadOfTheJvm() {
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka asked to exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka asked to halt(" + code + "): " + message);
        });
    }

    @TempDir
    Path dir;

    @Test
    void what_was_published_before_a_restart_is_still_on_the_topic_after_it() throws Exception {
        Path data = dir.resolve("dev");
        int port = freePort();
        try (var broker = DevKafkaBroker.start(data, port)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(broker.portNotice()).isEmpty();
            assertThat(broker.formattedNow()).isTrue();
            createTopic(broker.bootstrapServers(), "reserve");
            publish(broker.bootstrapServers(), "reserve", "table-7", "placed");
        }

        try (var broker = DevKafkaBroker.start(data, port)) {
            assertThat(broker.formattedNow()).isFalse();
            assertThat(readAll(broker.bootstrapServers(), "reserve")).containsExactly("table-7=placed");
        }
    }

    @Test
    void a_taken_port_moves_the_broker_to_a_free_one_and_says_so() throws Exception {
        try (var taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
                var broker = DevKafkaBroker.start(dir.resolve("dev"), taken.getLocalPort())) {
            assertThat(broker.port()).isNotEqualTo(taken.getLocalPort());
            assertThat(broker.portNotice())
                    .hasValueSatisfying(notice -> assertThat(notice)
                            .contains("localhost:" + taken.getLocalPort() + " is in use")
                            .contains("localhost:" + broker.port()));
            createTopic(broker.bootstrapServers(), "reserve");
        }
    }

    @Test
    void its_data_is_deleted_on_request_and_the_next_start_is_a_fresh_broker() throws Exception {
        Path data = dir.resolve("dev");
        try (var broker = DevKafkaBroker.start(data, 0)) {
            createTopic(broker.bootstrapServers(), "reserve");
        }

        DevKafkaBroker.deleteData(data);

        assertThat(data).doesNotExist();
        try (var broker = DevKafkaBroker.start(data, 0);
                var admin = admin(broker.bootstrapServers())) {
            assertThat(broker.formattedNow()).isTrue();
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("reserve");
        }
    }

    @Test
    void a_second_broker_on_the_same_directory_is_refused_saying_why_and_its_data_is_not_deleted() throws Exception {
        Path data = dir.resolve("dev");
        try (var first = DevKafkaBroker.start(data, 0)) {
            assertThatThrownBy(() -> DevKafkaBroker.start(data, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another Kafka broker is using " + data);
            assertThatThrownBy(() -> DevKafkaBroker.deleteData(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another Kafka broker is using " + data);
            createTopic(first.bootstrapServers(), "still-served");
        }
    }

    @Test
    void a_directory_that_is_not_a_dev_brokers_is_neither_used_nor_deleted() throws IOException {
        Path other = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(other.resolve("holiday.jpg"), "not a broker");

        assertThatThrownBy(() -> DevKafkaBroker.start(other, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> DevKafkaBroker.deleteData(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not deleting");
        assertThat(other.resolve("holiday.jpg")).exists();
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (var admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void publish(String bootstrap, String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        var partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30))
                    .get(partition);
            var values = new ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.key() + "=" + r.value()));
            }
            return values;
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
