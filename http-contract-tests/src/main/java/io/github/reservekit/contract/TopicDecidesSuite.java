package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md versions 2 and 3, black-box: three instances of a shell on one topic behave as one (the topic decides).
 * Every answer comes from the fold; reads reflect every write acknowledged before they began.
 */
public abstract class TopicDecidesSuite extends SystemOfRecordSuite {

    private static final Instant DAY =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(4));
    private static final int INSTANCES = 3;

    private static String body(String resource, int fromHour, int toHour) {
        return """
                {"resourceId":"%s","guestName":"Grace Hopper","partySize":3,"startsAt":"%s","endsAt":"%s"}""".formatted(resource, DAY.plus(Duration.ofHours(fromHour)), DAY.plus(Duration.ofHours(toHour)));
    }

    private List<Instance> startInstances() {
        var instances = new ArrayList<Instance>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(startInstance());
        }
        return instances;
    }

    private static void closeAll(List<Instance> instances) {
        instances.forEach(Instance::close);
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
            }
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Answer(String resource, int status, JsonNode json) {}

    @Test
    void three_instances_racing_for_overlapping_slots_never_double_book_and_agree_on_every_reservation()
            throws Exception {
        var instances = startInstances();
        try {
            var resources =
                    List.of("race-" + UUID.randomUUID(), "race-" + UUID.randomUUID(), "race-" + UUID.randomUUID());
            var calls = new ArrayList<Callable<Answer>>();
            for (int i = 0; i < 1000; i++) {
                var api = instances.get(i % INSTANCES).api();
                String resource = resources.get(ThreadLocalRandom.current().nextInt(resources.size()));
                int from = ThreadLocalRandom.current().nextInt(24);
                int to = from + 1 + ThreadLocalRandom.current().nextInt(3);
                calls.add(() -> {
                    var response = api.postJson("/reservations", body(resource, from, to));
                    return new Answer(resource, response.status(), response.json());
                });
            }

            Map<TopicPartition, Long> mark;
            try (var topic = new TopicProbe(bootstrapServers(), "reserve")) {
                mark = topic.mark();
            }

            var answers = runConcurrently(calls);

            assertThat(answers).extracting(Answer::status).allMatch(status -> status == 201 || status == 409);
            var created = new HashSet<String>();
            answers.stream()
                    .filter(a -> a.status() == 201)
                    .forEach(a -> created.add(a.json().path("id").asText()));
            var reference = instances.getFirst().api();
            var confirmed = new HashSet<String>();
            for (String resource : resources) {
                var listed =
                        reference.get("/reservations?resourceId=" + resource).json();
                var slots = new ArrayList<JsonNode>();
                listed.forEach(reservation -> {
                    if (reservation.path("status").asText().equals("CONFIRMED")) {
                        slots.add(reservation);
                    }
                });
                for (int a = 0; a < slots.size(); a++) {
                    for (int b = a + 1; b < slots.size(); b++) {
                        assertThat(overlap(slots.get(a), slots.get(b)))
                                .as(
                                        "two CONFIRMED reservations of %s overlap: %s and %s",
                                        resource, slots.get(a), slots.get(b))
                                .isFalse();
                    }
                }
                slots.forEach(slot -> confirmed.add(slot.path("id").asText()));
                for (Instance other : instances) {
                    assertThat(other.api()
                                    .get("/reservations?resourceId=" + resource)
                                    .json())
                            .as("every instance lists exactly the same reservations of %s", resource)
                            .isEqualTo(listed);
                }
            }
            assertThat(confirmed)
                    .as("the CONFIRMED reservations are exactly those answered 201")
                    .isEqualTo(created);
            // Some placements passed every instance's local check and were decided by the fold itself: their writers
            // then published a rejected event (reason overlap) for plain readers of the topic.
            try (var topic = new TopicProbe(bootstrapServers(), "reserve")) {
                var rejectedByTheFold = topic.recordsSince(mark).stream()
                        .filter(record -> resources.contains(new String(record.key(), StandardCharsets.UTF_8)))
                        .filter(record ->
                                header(record, "ce_type").equals("io.github.reservekit.reservation.rejected.v1"))
                        .count();
                assertThat(rejectedByTheFold)
                        .as("placements the fold rejected after they passed a local check (the race reached the topic)")
                        .isPositive();
            }
            var winners = new HashSet<String>();
            answers.stream()
                    .filter(a -> a.status() == 409)
                    .forEach(a -> winners.add(
                            a.json().path("conflictingReservationId").asText()));
            for (String winner : winners) {
                assertThat(reference.get("/reservations/" + winner).status())
                        .as("a 409 names a reservation that exists: %s", winner)
                        .isEqualTo(200);
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    void a_capacity_3_resource_raced_from_three_instances_never_holds_more_than_3_units_and_all_agree()
            throws Exception {
        var instances = startInstances();
        try {
            String resource = "long-table-" + UUID.randomUUID();
            var defined = instances.get(1).api().putJson("/resources/" + resource, "{\"capacity\":3}");
            assertThat(defined.status()).as(defined.body()).isEqualTo(200);
            var calls = new ArrayList<Callable<Answer>>();
            for (int i = 0; i < 300; i++) {
                var api = instances.get(i % INSTANCES).api();
                int from = ThreadLocalRandom.current().nextInt(12);
                int to = from + 1 + ThreadLocalRandom.current().nextInt(3);
                int units = 1 + ThreadLocalRandom.current().nextInt(2);
                String body = body(resource, from, to).replace("}", ",\"units\":" + units + "}");
                calls.add(() -> {
                    var response = api.postJson("/reservations", body);
                    return new Answer(resource, response.status(), response.json());
                });
            }

            var answers = runConcurrently(calls);

            assertThat(answers).extracting(Answer::status).allMatch(status -> status == 201 || status == 409);
            assertThat(answers)
                    .extracting(Answer::status)
                    .as("the race was contested")
                    .contains(409);
            var listed = instances
                    .getFirst()
                    .api()
                    .get("/reservations?limit=1000&status=CONFIRMED&resourceId=" + resource)
                    .json();
            var unitsPerHour = new int[16];
            listed.forEach(reservation -> {
                int from = (int) Duration.between(
                                DAY, Instant.parse(reservation.path("startsAt").asText()))
                        .toHours();
                int to = (int) Duration.between(
                                DAY, Instant.parse(reservation.path("endsAt").asText()))
                        .toHours();
                for (int hour = from; hour < to; hour++) {
                    unitsPerHour[hour] += reservation.path("units").asInt();
                }
            });
            for (int hour = 0; hour < unitsPerHour.length; hour++) {
                assertThat(unitsPerHour[hour])
                        .as("units CONFIRMED at hour %d of %s: %s", hour, resource, listed)
                        .isLessThanOrEqualTo(3);
            }
            var created = new HashSet<String>();
            answers.stream()
                    .filter(a -> a.status() == 201)
                    .forEach(a -> created.add(a.json().path("id").asText()));
            var confirmed = new HashSet<String>();
            listed.forEach(reservation -> confirmed.add(reservation.path("id").asText()));
            assertThat(confirmed)
                    .as("the CONFIRMED reservations are exactly those answered 201")
                    .isEqualTo(created);
            for (Instance other : instances) {
                assertThat(other.api()
                                .get("/reservations?limit=1000&status=CONFIRMED&resourceId=" + resource)
                                .json())
                        .as("every instance lists exactly the same reservations of %s", resource)
                        .isEqualTo(listed);
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    void concurrent_retries_of_one_idempotency_key_across_instances_make_one_reservation_and_the_same_answer()
            throws Exception {
        var instances = startInstances();
        try {
            String resource = "retry-" + UUID.randomUUID();
            String key = "order-" + UUID.randomUUID();
            var calls = new ArrayList<Callable<Answer>>();
            for (int i = 0; i < 30; i++) {
                var api = instances.get(i % INSTANCES).api();
                calls.add(() -> {
                    var response = api.postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);
                    return new Answer(resource, response.status(), response.json());
                });
            }

            var answers = runConcurrently(calls);

            assertThat(answers).extracting(Answer::status).allMatch(status -> status == 201 || status == 200);
            assertThat(answers.stream().map(a -> a.json().path("id").asText()).distinct())
                    .as("every retry gets the same reservation")
                    .hasSize(1);
            for (Instance instance : instances) {
                assertThat(instance.api()
                                .get("/reservations?resourceId=" + resource)
                                .json())
                        .hasSize(1);
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    void conditional_cancels_from_one_read_on_two_instances_at_once_exactly_one_wins() throws Exception {
        var instances = startInstances();
        try {
            for (int round = 0; round < 20; round++) {
                String resource = "if-match-" + UUID.randomUUID();
                var created = instances.get(round % INSTANCES).api().postJson("/reservations", body(resource, 10, 11));
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().path("id").asText();
                var first = instances.get((round + 1) % INSTANCES).api();
                var second = instances.get((round + 2) % INSTANCES).api();
                var calls = List.<Callable<Integer>>of(
                        () -> first.send("DELETE", "/reservations/" + id, "If-Match", "\"1\"")
                                .status(),
                        () -> second.send("DELETE", "/reservations/" + id, "If-Match", "\"1\"")
                                .status());

                var statuses = runConcurrently(calls);

                assertThat(statuses)
                        .as("round %d: one cancellation made from version 1, the other refused", round)
                        .containsExactlyInAnyOrder(200, 412);
                for (Instance instance : instances) {
                    var now = instance.api().get("/reservations/" + id).json();
                    assertThat(now.path("version").asLong()).isEqualTo(2);
                    assertThat(now.path("status").asText()).isEqualTo("CANCELLED");
                }
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    void a_move_and_a_placement_racing_for_the_same_time_on_two_instances_exactly_one_wins() throws Exception {
        var instances = startInstances();
        try {
            for (int round = 0; round < 20; round++) {
                String resource = "move-race-" + UUID.randomUUID();
                var created = instances.get(round % INSTANCES).api().postJson("/reservations", body(resource, 10, 11));
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().path("id").asText();
                var mover = instances.get((round + 1) % INSTANCES).api();
                var placer = instances.get((round + 2) % INSTANCES).api();
                String target = "{\"startsAt\":\"%s\",\"endsAt\":\"%s\"}"
                        .formatted(DAY.plus(Duration.ofHours(12)), DAY.plus(Duration.ofHours(13)));

                var statuses = runConcurrently(List.<Callable<Integer>>of(
                        () -> mover.patch("/reservations/" + id, "application/merge-patch+json", target)
                                .status(),
                        () -> placer.postJson("/reservations", body(resource, 12, 13))
                                .status()));

                assertThat(statuses)
                        .as(
                                "round %d: the move (200) or the placement (201) wins [12h, 13h), the other gets 409",
                                round)
                        .containsAnyOf(200, 201)
                        .contains(409)
                        .hasSize(2);
                String inTheTarget = "/reservations?resourceId=" + resource + "&status=CONFIRMED&from="
                        + DAY.plus(Duration.ofHours(12)) + "&to=" + DAY.plus(Duration.ofHours(13));
                var listed = instances.getFirst().api().get(inTheTarget).json();
                assertThat(listed)
                        .as("round %d: one CONFIRMED reservation in [12h, 13h): %s", round, listed)
                        .hasSize(1);
                assertThat(listed.get(0).path("id").asText().equals(id)).isEqualTo(statuses.contains(200));
                for (Instance instance : instances) {
                    assertThat(instance.api().get(inTheTarget).json()).isEqualTo(listed);
                }
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    void a_confirmation_racing_its_holds_expiry_and_another_instances_placement_ends_one_way_everywhere()
            throws Exception {
        var instances = startInstances();
        try {
            for (int round = 0; round < 5; round++) {
                String resource = "hold-race-" + UUID.randomUUID();
                var holder = instances.get(round % INSTANCES).api();
                var held =
                        holder.postJson("/reservations", body(resource, 10, 11).replace("}", ",\"holdFor\":\"PT1S\"}"));
                assertThat(held.status()).as(held.body()).isEqualTo(201);
                String id = held.json().path("id").asText();
                Instant expires =
                        Instant.parse(held.json().path("holdExpiresAt").asText());
                var confirmer = instances.get((round + 1) % INSTANCES).api();
                var placer = instances.get((round + 2) % INSTANCES).api();

                var answers = runConcurrently(List.<Callable<Integer>>of(
                        () -> {
                            // Confirm as close to the expiry as this machine's clock can aim.
                            await().pollInterval(Duration.ofMillis(5))
                                    .atMost(Duration.ofSeconds(10))
                                    .until(() -> !Instant.now().isBefore(expires.minusMillis(30)));
                            return confirmer
                                    .send("POST", "/reservations/" + id + "/confirm")
                                    .status();
                        },
                        () -> await().pollInterval(Duration.ofMillis(20))
                                .atMost(Duration.ofSeconds(10))
                                .until(
                                        () -> placer.postJson("/reservations", body(resource, 10, 11))
                                                .status(),
                                        status -> status == 201 || Instant.now().isAfter(expires.plusSeconds(3)))));

                int confirm = answers.get(0);
                int placed = answers.get(1);
                assertThat(confirm)
                        .as("round %d: the confirmation is definite", round)
                        .isIn(200, 409);
                assertThat(placed == 201)
                        .as("round %d: the other placement succeeded exactly when the hold was not confirmed", round)
                        .isEqualTo(confirm == 409);
                var listed = instances
                        .getFirst()
                        .api()
                        .get("/reservations?resourceId=" + resource + "&status=CONFIRMED")
                        .json();
                assertThat(listed).hasSize(1);
                assertThat(listed.get(0).path("id").asText().equals(id)).isEqualTo(confirm == 200);
                for (Instance instance : instances) {
                    assertThat(instance.api()
                                    .get("/reservations?resourceId=" + resource + "&status=CONFIRMED")
                                    .json())
                            .isEqualTo(listed);
                }
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    void a_reservation_confirmed_on_one_instance_is_found_at_once_on_another() {
        var instances = startInstances();
        try {
            Map<String, String> made = new HashMap<>();
            for (int i = 0; i < 60; i++) {
                String resource = "ryw-" + UUID.randomUUID();
                var created = instances.get(i % INSTANCES).api().postJson("/reservations", body(resource, 10, 11));
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().path("id").asText();
                var other = instances.get((i + 1) % INSTANCES).api();

                assertThat(other.get("/reservations/" + id).status())
                        .as("GET on another instance right after the 201")
                        .isEqualTo(200);
                assertThat(other.get("/reservations?resourceId=" + resource).json())
                        .as("the list on another instance right after the 201")
                        .hasSize(1);
                made.put(id, resource);
            }
            assertThat(made).hasSize(60);
        } finally {
            closeAll(instances);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        Instant aStart = Instant.parse(a.path("startsAt").asText());
        Instant aEnd = Instant.parse(a.path("endsAt").asText());
        Instant bStart = Instant.parse(b.path("startsAt").asText());
        Instant bEnd = Instant.parse(b.path("endsAt").asText());
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }
}
