package io.github.reservekit.reservation.domain;

import static io.github.reservekit.reservation.testing.ReservationFixtures.NOW;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_2;
import static io.github.reservekit.reservation.testing.ReservationFixtures.clock;
import static io.github.reservekit.reservation.testing.ReservationFixtures.details;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static Reservation confirmed(ResourceId resource, TimeSlot slot) {
        return Reservation.placed(Reservation.place(details(resource, slot), Optional.empty(), List.of(), clock()));
    }

    @Test
    void placing_returns_the_event_whose_facts_make_the_reservation() {
        var key = Optional.of(new IdempotencyKey("k-1"));

        ReservationPlaced placed = Reservation.place(details(TABLE_1, slot(24, 2)), key, List.of(), clock());
        var reservation = Reservation.placed(placed);

        assertThat(placed.occurredAt()).isEqualTo(NOW);
        assertThat(reservation.id()).isEqualTo(placed.reservationId());
        assertThat(reservation.details()).isEqualTo(placed.details());
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reservation.createdAt()).isEqualTo(placed.createdAt());
        assertThat(reservation.idempotencyKey()).isEqualTo(key);
        assertThat(reservation.cancelledAt()).isEmpty();
    }

    @Test
    void every_placement_gets_a_new_reservation_id_and_event_id() {
        var first = Reservation.place(details(TABLE_1, slot(24, 2)), Optional.empty(), List.of(), clock());
        var second = Reservation.place(details(TABLE_2, slot(24, 2)), Optional.empty(), List.of(), clock());

        assertThat(first.reservationId()).isNotEqualTo(second.reservationId());
        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }

    @Test
    void the_creation_time_is_the_clock_to_the_millisecond() {
        var clock = clock();
        clock.set(NOW.plusNanos(1_234_567));

        var placed = Reservation.place(details(TABLE_1, slot(24, 2)), Optional.empty(), List.of(), clock);

        assertThat(placed.createdAt()).isEqualTo(NOW.plusMillis(1));
    }

    @Test
    void a_slot_that_starts_in_the_past_is_rejected_but_one_starting_now_is_not() {
        var clock = clock();
        var startingNow = new TimeSlot(NOW, NOW.plus(Duration.ofHours(1)));
        var startedASecondAgo = new TimeSlot(NOW.minusSeconds(1), NOW.plus(Duration.ofHours(1)));

        assertThat(Reservation.place(details(TABLE_1, startingNow), Optional.empty(), List.of(), clock))
                .isNotNull();
        assertThatThrownBy(() ->
                        Reservation.place(details(TABLE_1, startedASecondAgo), Optional.empty(), List.of(), clock))
                .isInstanceOfSatisfying(
                        InvalidReservationException.class,
                        invalid -> assertThat(invalid.violations())
                                .containsExactly(new FieldViolation("startsAt", "must not be in the past")));
    }

    @Test
    void an_overlapping_slot_of_the_same_resource_is_a_conflict_naming_the_holder() {
        var holder = confirmed(TABLE_1, slot(24, 2));
        var overlapping = slot(25, 2);

        assertThatThrownBy(() ->
                        Reservation.place(details(TABLE_1, overlapping), Optional.empty(), List.of(holder), clock()))
                .isInstanceOfSatisfying(ReservationConflictException.class, conflict -> {
                    assertThat(conflict.conflictingReservationId()).isEqualTo(holder.id());
                    assertThat(conflict.conflictingSlot()).isEqualTo(holder.slot());
                    assertThat(conflict.requestedSlot()).isEqualTo(overlapping);
                    assertThat(conflict.resourceId()).isEqualTo(TABLE_1);
                });
    }

    @Test
    void back_to_back_slots_do_not_conflict() {
        var holder = confirmed(TABLE_1, slot(24, 2));

        var after = Reservation.place(details(TABLE_1, slot(26, 2)), Optional.empty(), List.of(holder), clock());
        var before = Reservation.place(details(TABLE_1, slot(22, 2)), Optional.empty(), List.of(holder), clock());

        assertThat(after.slot().startsAt()).isEqualTo(holder.slot().endsAt());
        assertThat(before.slot().endsAt()).isEqualTo(holder.slot().startsAt());
    }

    @Test
    void a_cancelled_reservation_frees_its_slot() {
        var holder = confirmed(TABLE_1, slot(24, 2));
        var cancelled = holder.apply(holder.cancel(clock()));

        var placed = Reservation.place(details(TABLE_1, slot(24, 2)), Optional.empty(), List.of(cancelled), clock());

        assertThat(placed.slot()).isEqualTo(holder.slot());
    }

    @Test
    void another_resources_reservation_is_a_programming_error_not_a_conflict() {
        var other = confirmed(TABLE_2, slot(24, 2));

        assertThatThrownBy(() ->
                        Reservation.place(details(TABLE_1, slot(24, 2)), Optional.empty(), List.of(other), clock()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancelling_returns_the_event_and_applying_it_cancels() {
        var reservation = confirmed(TABLE_1, slot(24, 2));
        var clock = clock();
        clock.advance(Duration.ofMinutes(5));

        var event = reservation.cancel(clock);
        var cancelled = reservation.apply(event);

        assertThat(event.reservationId()).isEqualTo(reservation.id());
        assertThat(event.resourceId()).isEqualTo(TABLE_1);
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(cancelled.details()).isEqualTo(reservation.details());
        assertThat(reservation.status()).as("the original is unchanged").isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void a_cancelled_reservation_cannot_decide_to_cancel_again() {
        var reservation = confirmed(TABLE_1, slot(24, 2));
        var cancelled = reservation.apply(reservation.cancel(clock()));

        assertThatThrownBy(() -> cancelled.cancel(clock())).isInstanceOf(IllegalStateException.class);
        assertThat(cancelled.apply(reservation.cancel(clock())))
                .as("a duplicate cancellation event changes nothing")
                .isEqualTo(cancelled);
    }

    @Test
    void a_reservation_is_restored_from_its_events() {
        var placed = Reservation.place(details(TABLE_1, slot(24, 2)), Optional.empty(), List.of(), clock());
        var live = Reservation.placed(placed);
        var cancel = live.cancel(clock());

        assertThat(Reservation.restore(List.of(placed))).isEqualTo(live);
        assertThat(Reservation.restore(List.of(placed, cancel))).isEqualTo(live.apply(cancel));
    }

    @Test
    void a_history_must_start_with_the_placement_and_belong_to_one_reservation() {
        var placed = Reservation.place(details(TABLE_1, slot(24, 2)), Optional.empty(), List.of(), clock());
        var other = confirmed(TABLE_1, slot(30, 2));

        assertThatThrownBy(() -> Reservation.restore(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reservation.restore(List.of(other.cancel(clock()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reservation.restore(List.of(placed, other.cancel(clock()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reservation.restore(List.of(placed, placed)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_string_form_leaves_the_guest_name_out() {
        var reservation = confirmed(
                TABLE_1, new TimeSlot(Instant.parse("2026-12-01T19:00:00Z"), Instant.parse("2026-12-01T21:00:00Z")));

        assertThat(reservation.toString()).contains("table-1").doesNotContain("Ada");
    }
}
