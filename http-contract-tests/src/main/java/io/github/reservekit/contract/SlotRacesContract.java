package io.github.reservekit.contract;

import static io.github.reservekit.contract.RaceFixtures.DAY;
import static io.github.reservekit.contract.RaceFixtures.INSTANCES;
import static io.github.reservekit.contract.RaceFixtures.SLOT_RACE_ROUNDS;
import static io.github.reservekit.contract.RaceFixtures.body;
import static io.github.reservekit.contract.RaceFixtures.closeAll;
import static io.github.reservekit.contract.RaceFixtures.header;
import static io.github.reservekit.contract.RaceFixtures.runConcurrently;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.RaceFixtures.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md versions 2 and 3, black-box, as every shell runs them (through {@link TopicDecidesSuite}): three
 * instances racing for overlapping slots of one resource, of capacity 1 or 3, never book more than it holds, and
 * all agree on every reservation.
 */
public interface SlotRacesContract extends InstancesOfOneShell {

    @Test
    default void three_instances_racing_for_overlapping_slots_never_double_book_and_agree_on_every_reservation()
            throws Exception {
        var instances = startInstances();
        try {
            // Some placements pass every instance's local check and are decided by the fold itself: their writers
            // then publish a rejected event (reason overlap) for plain readers of the topic. Whether a round gets
            // one depends on the machine's timing, so the race runs again (on fresh resources) until one did.
            long rejectedByTheFold = 0;
            for (int round = 0; round < SLOT_RACE_ROUNDS && rejectedByTheFold == 0; round++) {
                rejectedByTheFold += raceForOverlappingSlots(instances);
            }
            assertThat(rejectedByTheFold)
                    .as(
                            "placements the fold rejected after they passed a local check (the race reached the topic),"
                                    + " in %d rounds",
                            SLOT_RACE_ROUNDS)
                    .isPositive();
        } finally {
            closeAll(instances);
        }
    }

    /**
     * One round: 1,000 placements on three fresh resources from the three instances at once; every assertion on
     * its outcome; how many of them the fold rejected after they passed a local check.
     */
    private long raceForOverlappingSlots(List<RunningApp> instances) throws Exception {
        var resources = List.of("race-" + UUID.randomUUID(), "race-" + UUID.randomUUID(), "race-" + UUID.randomUUID());
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
            var listed = reference.get("/reservations?resourceId=" + resource).json();
            NoDoubleBooking.assertConfirmedDoNotOverlap(resource, listed)
                    .forEach(slot -> confirmed.add(slot.path("id").asText()));
            for (RunningApp other : instances) {
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
        long rejectedByTheFold;
        try (var topic = new TopicProbe(bootstrapServers(), "reserve")) {
            rejectedByTheFold = topic.recordsSince(mark).stream()
                    .filter(record -> resources.contains(new String(record.key(), StandardCharsets.UTF_8)))
                    .filter(record -> header(record, "ce_type").equals("io.github.reservekit.reservation.rejected.v1"))
                    .count();
        }
        var winners = new HashSet<String>();
        answers.stream()
                .filter(a -> a.status() == 409)
                .forEach(a ->
                        winners.add(a.json().path("conflictingReservationId").asText()));
        for (String winner : winners) {
            assertThat(reference.get("/reservations/" + winner).status())
                    .as("a 409 names a reservation that exists: %s", winner)
                    .isEqualTo(200);
        }
        return rejectedByTheFold;
    }

    @Test
    default void a_capacity_3_resource_raced_from_three_instances_never_holds_more_than_3_units_and_all_agree()
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
            for (RunningApp other : instances) {
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
}
