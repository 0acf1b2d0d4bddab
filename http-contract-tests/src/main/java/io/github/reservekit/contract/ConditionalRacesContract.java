package io.github.reservekit.contract;

import static io.github.reservekit.contract.RaceFixtures.DAY;
import static io.github.reservekit.contract.RaceFixtures.INSTANCES;
import static io.github.reservekit.contract.RaceFixtures.body;
import static io.github.reservekit.contract.RaceFixtures.closeAll;
import static io.github.reservekit.contract.RaceFixtures.runConcurrently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.RaceFixtures.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md versions 2 and 3, black-box, as every shell runs them (through {@link TopicDecidesSuite}): writes
 * that depend on what came before (an idempotency key, a version, a slot, a hold's expiry), raced on several
 * instances, end one way everywhere.
 */
public interface ConditionalRacesContract extends InstancesOfOneShell {

    @Test
    default void concurrent_retries_of_one_idempotency_key_across_instances_make_one_reservation_and_the_same_answer()
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
            for (RunningApp instance : instances) {
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
    default void conditional_cancels_from_one_read_on_two_instances_at_once_exactly_one_wins() throws Exception {
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
                for (RunningApp instance : instances) {
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
    default void a_move_and_a_placement_racing_for_the_same_time_on_two_instances_exactly_one_wins() throws Exception {
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
                for (RunningApp instance : instances) {
                    assertThat(instance.api().get(inTheTarget).json()).isEqualTo(listed);
                }
            }
        } finally {
            closeAll(instances);
        }
    }

    @Test
    default void a_confirmation_racing_its_holds_expiry_and_another_instances_placement_ends_one_way_everywhere()
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
                for (RunningApp instance : instances) {
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
}
