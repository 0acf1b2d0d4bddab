package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The topic as the system of record, black-box: real restarts and a second instance of a shell on one real
 * cluster (a broker in this JVM the suite starts), spoken to over HTTP only. A shell's test extends this class
 * (through {@link TopicDecidesSuite}) and says, in its constructor, how to start one more app of the shell; the tests
 * are the same for every shell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SystemOfRecordSuite implements InstancesOfOneShell {

    private static final Instant DAY =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));

    private final ShellPaths paths;
    private final ShellStarter starter;
    private InJvmKafkaCluster kafka;

    /**
     * @param paths where the shell serves its readiness and metrics
     * @param starter starts one more app of the shell, reading the topic with a consumer group of its own
     */
    protected SystemOfRecordSuite(ShellPaths paths, ShellStarter starter) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @BeforeAll
    void startKafka() {
        kafka = InJvmKafkaCluster.single();
    }

    @AfterAll
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The cluster every instance publishes to; the suite writes its poison pills there. */
    @Override
    public final String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Starts a new instance on {@link #bootstrapServers()}; returns once it serves. */
    @Override
    public final RunningApp startInstance() {
        return starter.start(bootstrapServers()).awaitCaughtUp();
    }

    private static String body(String resource, int fromHour, int toHour) {
        return PlacementJson.placement(
                        resource, DAY.plus(Duration.ofHours(fromHour)), DAY.plus(Duration.ofHours(toHour)))
                .guest("Grace Hopper")
                .partySize(3)
                .json();
    }

    private static String resource() {
        return "sor-" + UUID.randomUUID();
    }

    @Test
    void after_a_restart_every_reservation_its_status_its_slot_and_its_idempotency_key_are_back() {
        var table = resource();
        var key = "order-" + UUID.randomUUID();
        String kept;
        String cancelled;
        try (var first = startInstance()) {
            var placed = first.api().postJson("/reservations", body(table, 19, 21), "Idempotency-Key", key);
            assertThat(placed.status()).isEqualTo(201);
            kept = placed.json().path("id").asText();
            cancelled = first.api()
                    .postJson("/reservations", body(table, 12, 13))
                    .json()
                    .path("id")
                    .asText();
            assertThat(first.api().delete("/reservations/" + cancelled).status())
                    .isEqualTo(200);
        }

        try (var second = startInstance()) {
            assertThat(second.api()
                            .get("/reservations/" + kept)
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("CONFIRMED");
            assertThat(second.api()
                            .get("/reservations/" + cancelled)
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("CANCELLED");
            assertThat(second.api()
                            .postJson("/reservations", body(table, 20, 22))
                            .status())
                    .as("a restored reservation still holds its slot")
                    .isEqualTo(409);
            var retried = second.api().postJson("/reservations", body(table, 19, 21), "Idempotency-Key", key);
            assertThat(retried.status()).isIn(200, 201);
            assertThat(retried.json().path("id").asText())
                    .as("an old Idempotency-Key returns the original reservation")
                    .isEqualTo(kept);
            assertThat(second.api()
                            .postJson("/reservations", body(table, 12, 13))
                            .status())
                    .as("the cancelled slot is free again")
                    .isEqualTo(201);
        }
    }

    @Test
    void two_instances_see_each_others_reservations_and_cancellations() {
        try (var one = startInstance();
                var other = startInstance()) {
            var table = resource();
            var id = one.api()
                    .postJson("/reservations", body(table, 19, 21))
                    .json()
                    .path("id")
                    .asText();

            await("the placement made on one instance is visible on the other")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> other.api().get("/reservations/" + id).status() == 200);
            assertThat(other.api()
                            .postJson("/reservations", body(table, 20, 21))
                            .status())
                    .as("the other instance enforces the slot too")
                    .isEqualTo(409);

            assertThat(other.api().delete("/reservations/" + id).status()).isEqualTo(200);
            await("the cancellation made on the other instance is visible back on the first")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> one.api()
                            .get("/reservations/" + id)
                            .json()
                            .path("status")
                            .asText()
                            .equals("CANCELLED"));
        }
    }

    @Test
    void replay_skips_poison_pills_and_unknown_event_types_counts_them_and_the_instance_becomes_ready()
            throws Exception {
        startInstance().close(); // the shell provisions the topic; the broker creates none by itself
        var config = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("reserve", bytes("poison"), bytes("{not json")))
                    .get();
            var unknown = new ProducerRecord<>("reserve", bytes("future"), bytes("{\"some\":\"thing\"}"));
            unknown.headers()
                    .add(new RecordHeader("ce_specversion", bytes("1.0")))
                    .add(new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())))
                    .add(new RecordHeader("ce_source", bytes("/elsewhere")))
                    .add(new RecordHeader("ce_type", bytes("io.github.reservekit.reservation.moved.v1")))
                    .add(new RecordHeader("content-type", bytes("application/json")));
            producer.send(unknown).get();
        }

        try (var instance = startInstance()) {
            var readiness = instance.api().get(paths.readiness());
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            var metrics =
                    instance.api().get(paths.metrics(), "Accept", "text/plain").body();
            assertThat(counter(metrics, "malformed")).isGreaterThanOrEqualTo(1);
            assertThat(counter(metrics, "unknown-type")).isGreaterThanOrEqualTo(1);
            assertThat(instance.api()
                            .postJson("/reservations", body(resource(), 8, 9))
                            .status())
                    .isEqualTo(201);
        }
    }

    private static double counter(String prometheus, String outcome) {
        return prometheus
                .lines()
                .filter(line -> line.startsWith("reservekit_follower_records_total{")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no follower counter for " + outcome + " in " + prometheus));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
