package io.github.reservekit.crossshell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.benchmarks.blackbox.PlacementJson;
import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.contract.NoDoubleBooking;
import io.github.reservekit.contract.TopicProbe;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both shells against each other (issue #11, CONTRACT.md sections 1 to 3): spring-app and micronaut-app run as
 * processes from their packaged jars ({@code java -jar}, as users and the Dockerfiles run them), found by the
 * environment variables their docs name ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_BOOTSTRAP_SERVERS}),
 * on one Kafka broker in this JVM, and race each other over HTTP: the topic decides, so both answer as one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BothShellsRaceIT {

    private static final String TOPIC = "reserve";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int CALLERS = 32;
    private static final int RACE_POSTS = 320;
    private static final int RACE_RESOURCES = 4;
    private static final int KEYS = 3;
    private static final int RETRIES_PER_KEY = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant DAY =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30));

    private InJvmKafkaCluster kafka;
    private final List<RunningShell> shells = new ArrayList<>();
    private TopicProbe topic;

    /** One HTTP answer, and which shell gave it. */
    record Answer(int request, String shell, int status, JsonNode body) {

        String id() {
            return body.path("id").asText();
        }

        String conflicting() {
            return body.path("conflictingReservationId").asText();
        }
    }

    @BeforeAll
    void start_a_broker_and_both_shells_from_their_jars() {
        kafka = InJvmKafkaCluster.single();
        var logs = Path.of(System.getProperty("reservekit.cross-shell.logs", "target/cross-shell-logs"));
        long start = System.nanoTime();
        // Both at once, as two deployments would; whichever comes first creates the topic.
        shells.add(start("spring-app", "SERVER_PORT", "actuator/health", "SPRING_KAFKA_BOOTSTRAP_SERVERS", logs));
        shells.add(start("micronaut-app", "MICRONAUT_SERVER_PORT", "health", "KAFKA_BOOTSTRAP_SERVERS", logs));
        shells.forEach(shell -> shell.awaitHealthy(START_TIMEOUT));
        System.out.printf(
                "[cross-shell] spring-app and micronaut-app (java -jar) healthy on %s after %d ms%n",
                kafka.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        topic = new TopicProbe(kafka.bootstrapServers(), TOPIC);
    }

    @AfterAll
    void stop_the_shells_and_the_broker() {
        try {
            if (topic != null) {
                topic.close();
            }
            shells.forEach(RunningShell::close);
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void concurrent_overlapping_posts_across_both_shells_confirm_one_per_slot_and_both_list_the_same() {
        var mark = topic.mark();
        var random = new Random(11);
        var bodies = new ArrayList<String>();
        for (int i = 0; i < RACE_POSTS; i++) {
            int startHour = random.nextInt(24);
            int hours = 1 + random.nextInt(3);
            // Request i goes to shell i % 2, so each resource's requests alternate between the shells.
            bodies.add(body(race((i / 2) % RACE_RESOURCES), i, startHour, hours));
        }

        var answers = callConcurrently(RACE_POSTS, i -> shell(i).api().postJson("/reservations", bodies.get(i)));

        var byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus.keySet())
                .as("every answer is 201 or 409: %s", byStatus)
                .isSubsetOf(201, 409);

        var listed = new HashMap<String, JsonNode>();
        var confirmed = new HashMap<String, JsonNode>();
        for (int r = 0; r < RACE_RESOURCES; r++) {
            String resource = race(r);
            var lists = shells.stream()
                    .map(shell -> get(shell, "/reservations?resourceId=" + resource))
                    .toList();
            assertThat(lists.get(1))
                    .as("micronaut-app lists exactly what spring-app lists for %s", resource)
                    .isEqualTo(lists.get(0));
            lists.get(0).forEach(reservation -> {
                listed.put(reservation.path("id").asText(), reservation);
                if (reservation.path("status").asText().equals("CONFIRMED")) {
                    confirmed.put(reservation.path("id").asText(), reservation);
                }
            });
            NoDoubleBooking.assertConfirmedDoNotOverlap(resource, lists.get(0));
        }

        var created = answers.stream()
                .filter(answer -> answer.status() == 201)
                .map(Answer::id)
                .toList();
        assertThat(created)
                .as("the 201s are exactly the CONFIRMED reservations, each once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(confirmed.keySet());
        assertThat(listed.keySet())
                .as("nothing but what was confirmed is listed")
                .isEqualTo(confirmed.keySet());
        var conflicts =
                answers.stream().filter(answer -> answer.status() == 409).toList();
        for (var conflict : conflicts) {
            assertThat(confirmed)
                    .as("409 to request %d names a CONFIRMED reservation", conflict.request())
                    .containsKey(conflict.conflicting());
            var other = shells.stream()
                    .filter(shell -> !shell.name().equals(conflict.shell()))
                    .findFirst()
                    .orElseThrow();
            assertThat(other.api()
                            .get("/reservations/" + conflict.conflicting())
                            .status())
                    .as("the other shell finds the reservation the 409 names")
                    .isEqualTo(200);
        }
        var createdBy = answers.stream()
                .filter(answer -> answer.status() == 201)
                .collect(Collectors.toMap(Answer::id, Answer::shell));
        assertThat(conflicts)
                .as("each shell refused a slot that the other one confirmed")
                .anyMatch(c -> c.shell().equals("spring-app")
                        && createdBy.get(c.conflicting()).equals("micronaut-app"))
                .anyMatch(c -> c.shell().equals("micronaut-app")
                        && createdBy.get(c.conflicting()).equals("spring-app"));

        var placedInTopic = placedEvents(mark);
        assertThat(created)
                .as("every confirmed reservation has exactly one placed event in the topic")
                .allSatisfy(id -> assertThat(placedInTopic.getOrDefault(id, List.of()))
                        .as(id)
                        .hasSize(1));
        System.out.printf(
                "[cross-shell] race: %d POSTs from %d callers over %d resources, half to each shell: %d x 201, %d x 409"
                        + " (%d of them naming a reservation the other shell confirmed), %d CONFIRMED in all%n",
                RACE_POSTS,
                CALLERS,
                RACE_RESOURCES,
                created.size(),
                conflicts.size(),
                conflicts.stream()
                        .filter(c -> !createdBy.get(c.conflicting()).equals(c.shell()))
                        .count(),
                confirmed.size());
    }

    @Test
    void concurrent_retries_of_one_idempotency_key_across_both_shells_make_one_reservation_and_the_same_answer() {
        int requests = KEYS * RETRIES_PER_KEY;
        var answers = callConcurrently(requests, i -> {
            int key = i % KEYS;
            return shell(i) // KEYS is odd: each key's retries alternate between the shells
                    .api()
                    .postJson(
                            "/reservations",
                            body(idempotent(key), key, 19, 2),
                            "Idempotency-Key",
                            "cross-shell-key-" + key);
        });

        for (int key = 0; key < KEYS; key++) {
            int k = key;
            var forKey = answers.stream().filter(a -> a.request() % KEYS == k).toList();
            assertThat(forKey).hasSize(RETRIES_PER_KEY);
            assertThat(forKey)
                    .as("key %d: every retry succeeds", key)
                    .allSatisfy(answer -> assertThat(answer.status()).isIn(200, 201));
            assertThat(forKey.stream().map(Answer::body).collect(Collectors.toSet()))
                    .as("key %d: every answer is the same reservation", key)
                    .hasSize(1);
            assertThat(forKey.stream().map(Answer::shell).collect(Collectors.toSet()))
                    .as("key %d was retried on both shells", key)
                    .hasSize(2);
            var lists = shells.stream()
                    .map(shell -> get(shell, "/reservations?resourceId=" + idempotent(k)))
                    .toList();
            assertThat(lists)
                    .as("key %d: one reservation, listed alike by both shells", key)
                    .allSatisfy(list -> {
                        assertThat(list).hasSize(1);
                        assertThat(list.get(0)).isEqualTo(forKey.getFirst().body());
                    });
        }
        System.out.printf(
                "[cross-shell] idempotency: %d keys x %d concurrent retries across both shells: %s%n",
                KEYS,
                RETRIES_PER_KEY,
                answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
    }

    // ------------------------------------------------------------------ helpers

    /** The even requests go to spring-app, the odd ones to micronaut-app. */
    private RunningShell shell(int request) {
        return shells.get(request % 2);
    }

    private interface Call {
        ApiClient.Response send(int request);
    }

    private List<Answer> callConcurrently(int requests, Call call) {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            var futures = new ArrayList<Future<Answer>>();
            for (int i = 0; i < requests; i++) {
                int request = i;
                Callable<Answer> task = () -> {
                    var response = call.send(request);
                    return new Answer(request, shell(request).name(), response.status(), json(response.body()));
                };
                futures.add(callers.submit(task));
            }
            var answers = new ArrayList<Answer>();
            for (var future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } catch (Exception failed) {
            throw new AssertionError("a request failed: " + failed, failed);
        } finally {
            callers.shutdownNow();
        }
    }

    /** The placed events since {@code mark}, by reservation id, read with a plain consumer. */
    private Map<String, List<ConsumerRecord<byte[], byte[]>>> placedEvents(Map<TopicPartition, Long> mark) {
        var placed = new HashMap<String, List<ConsumerRecord<byte[], byte[]>>>();
        var sources = new HashSet<String>();
        for (var record : topic.recordsSince(mark)) {
            var type = header(record, "ce_type");
            if (type.endsWith(".placed.v1")) {
                placed.computeIfAbsent(
                                json(new String(record.value(), StandardCharsets.UTF_8))
                                        .path("reservationId")
                                        .asText(),
                                id -> new ArrayList<>())
                        .add(record);
                sources.add(header(record, "ce_source"));
            }
        }
        assertThat(sources)
                .as("both shells wrote to the topic")
                .containsExactlyInAnyOrder("/reservekit/spring-app", "/reservekit/micronaut-app");
        return placed;
    }

    private static JsonNode get(RunningShell shell, String path) {
        var response = shell.api().get(path);
        assertThat(response.status())
                .as("GET %s on %s: %s", path, shell.name(), response.body())
                .isEqualTo(200);
        return json(response.body());
    }

    private static String body(String resource, int guest, int startHour, int hours) {
        return new PlacementJson(
                        resource,
                        "Guest " + guest,
                        2,
                        DAY.plus(Duration.ofHours(startHour)),
                        DAY.plus(Duration.ofHours(startHour + hours)))
                .toJson();
    }

    private static String race(int resource) {
        return "race-" + resource;
    }

    private static String idempotent(int key) {
        return "idempotent-" + key;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The app {@code name} ({@code reservekit.<name>.jar}), told the broker by {@code bootstrapVariable}. */
    private RunningShell start(
            String name, String portVariable, String healthPath, String bootstrapVariable, Path logs) {
        return RunningShell.start(
                name,
                jar("reservekit." + name + ".jar"),
                portVariable,
                healthPath,
                Map.of(bootstrapVariable, kafka.bootstrapServers()),
                logs);
    }

    private static Path jar(String property) {
        var path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException(property + " is not set: run this test through Maven (Failsafe sets it)");
        }
        return Path.of(path);
    }
}
