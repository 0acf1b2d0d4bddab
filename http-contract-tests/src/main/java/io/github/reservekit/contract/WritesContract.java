package io.github.reservekit.contract;

import static io.github.reservekit.contract.ContractAssertions.assertCloudEvent;
import static io.github.reservekit.contract.ContractAssertions.assertProblem;
import static io.github.reservekit.contract.ContractAssertions.data;
import static io.github.reservekit.contract.ContractFixtures.CANCELLED;
import static io.github.reservekit.contract.ContractFixtures.PLACED;
import static io.github.reservekit.contract.ContractFixtures.at;
import static io.github.reservekit.contract.ContractFixtures.body;
import static io.github.reservekit.contract.ContractFixtures.newResource;
import static io.github.reservekit.contract.ContractFixtures.placement;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The writes of CONTRACT.md section 3, black-box, as every shell runs them (through {@link HttpContractSuite}):
 * {@code POST /reservations} and {@code DELETE /reservations/{id}} answer with the reservation and publish exactly the
 * event of section 2 they caused (or none), once per {@code Idempotency-Key}.
 */
public interface WritesContract extends ShellContract {

    @Test
    default void placing_a_reservation_answers_201_with_its_location_and_publishes_one_placed_event() {
        var resource = newResource();
        var mark = topic().mark();

        var response = placed(placement(resource, 19, 21));

        assertThat(response.mediaType()).isEqualTo("application/json");
        var reservation = response.json();
        var id = reservation.path("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.header("Location")).contains("/reservations/" + id);
        assertThat(reservation.path("resourceId").asText()).isEqualTo(resource);
        assertThat(reservation.path("guestName").asText()).isEqualTo("Ada Lovelace");
        assertThat(reservation.path("partySize").asInt()).isEqualTo(4);
        assertThat(Instant.parse(reservation.path("startsAt").asText())).isEqualTo(Instant.parse(at(19)));
        assertThat(Instant.parse(reservation.path("endsAt").asText())).isEqualTo(Instant.parse(at(21)));
        assertThat(reservation.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(reservation.path("createdAt").asText())).isBeforeOrEqualTo(Instant.now());

        var records = topic().recordsSince(mark, resource);
        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertCloudEvent(record, PLACED, reservation);
        var data = data(record);
        assertThat(data.path("reservationId").asText()).isEqualTo(id);
        assertThat(data.path("resourceId").asText()).isEqualTo(resource);
        assertThat(data.path("guestName").asText()).isEqualTo("Ada Lovelace");
        assertThat(data.path("partySize").asInt()).isEqualTo(4);
        assertThat(Instant.parse(data.path("startsAt").asText())).isEqualTo(Instant.parse(at(19)));
        assertThat(Instant.parse(data.path("endsAt").asText())).isEqualTo(Instant.parse(at(21)));
        assertThat(Instant.parse(data.path("createdAt").asText()))
                .isEqualTo(Instant.parse(reservation.path("createdAt").asText()));
    }

    @Test
    default void an_overlapping_slot_answers_409_naming_the_conflicting_reservation_and_publishes_nothing() {
        var resource = newResource();
        var holder = placed(placement(resource, 19, 21)).json().path("id").asText();
        var mark = topic().mark();

        var response = api().postJson("/reservations", body(resource, 20, 22));

        assertProblem(response, 409);
        assertThat(response.body()).contains(holder);
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    default void back_to_back_slots_are_both_placed() {
        var resource = newResource();
        placed(placement(resource, 19, 21));

        placed(placement(resource, 21, 23));
        placed(placement(resource, 17, 19));
    }

    @Test
    default void the_same_slot_of_another_resource_is_free() {
        placed(placement(newResource(), 19, 21));
        placed(placement(newResource(), 19, 21));
    }

    @Test
    default void a_retry_with_the_same_idempotency_key_and_body_returns_the_same_reservation_and_publishes_once() {
        var resource = newResource();
        var key = "order-" + UUID.randomUUID();
        var mark = topic().mark();

        var first = api().postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);
        var retry = api().postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isIn(200, 201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(topic().recordsSince(mark, resource)).hasSize(1);
    }

    @Test
    default void the_same_idempotency_key_with_another_body_answers_422_and_publishes_nothing_more() {
        var resource = newResource();
        var key = "order-" + UUID.randomUUID();
        var first = api().postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        var mark = topic().mark();

        var reused = api().postJson("/reservations", body(resource, 22, 23), "Idempotency-Key", key);

        assertProblem(reused, 422);
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    default void cancelling_answers_200_with_the_cancelled_reservation_and_publishes_one_cancelled_event() {
        var resource = newResource();
        var placed = placed(placement(resource, 19, 21)).json();
        var id = placed.path("id").asText();
        var mark = topic().mark();

        var cancelled = api().delete("/reservations/" + id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("id").asText()).isEqualTo(id);
        assertThat(api().get("/reservations/" + id).json()).isEqualTo(cancelled.json());
        var records = topic().recordsSince(mark, resource);
        assertThat(records).hasSize(1);
        assertCloudEvent(records.getFirst(), CANCELLED, placed);
        var data = data(records.getFirst());
        assertThat(data.path("reservationId").asText()).isEqualTo(id);
        assertThat(data.path("resourceId").asText()).isEqualTo(resource);
        assertThat(Instant.parse(data.path("cancelledAt").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    default void cancelling_twice_returns_the_same_and_publishes_no_second_event() {
        var resource = newResource();
        var id = placed(placement(resource, 19, 21)).json().path("id").asText();
        var first = api().delete("/reservations/" + id);
        var mark = topic().mark();

        var second = api().delete("/reservations/" + id);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    default void a_cancelled_slot_can_be_placed_again() {
        var resource = newResource();
        var id = placed(placement(resource, 19, 21)).json().path("id").asText();
        api().delete("/reservations/" + id);

        placed(placement(resource, 19, 21));
    }
}
