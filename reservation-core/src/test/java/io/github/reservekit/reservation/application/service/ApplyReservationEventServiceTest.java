package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.cancelledEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase.Outcome;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.testing.MutableClock;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplyReservationEventServiceTest {

    private final MutableClock clock = ReservationFixtures.clock();
    private final InMemoryReservationRepository repository = new InMemoryReservationRepository();
    private final RecordingReservationPublisher publisher = new RecordingReservationPublisher();
    private final KeyedLocks locks = new KeyedLocks();
    private final ApplyReservationEventService service = new ApplyReservationEventService(repository, locks);
    private final PlaceReservationService place = new PlaceReservationService(repository, publisher, clock, locks);

    private Outcome apply(ReservationEvent event) {
        return service.apply(new ApplyReservationEventCommand(event));
    }

    @Test
    void a_recorded_placement_becomes_a_confirmed_reservation_and_publishes_nothing() {
        var placed = placedEvent(TABLE_1, slot(24, 2));

        assertThat(apply(placed)).isEqualTo(Outcome.APPLIED);

        assertThat(repository.findById(placed.reservationId())).contains(Reservation.placed(placed));
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void replaying_a_history_rebuilds_every_reservation_and_its_status() {
        var history = ReservationFixtures.mixedEvents(10);

        history.forEach(this::apply);

        assertThat(repository.count()).isEqualTo(10);
        for (var event : history) {
            var reservation = repository.findById(event.reservationId()).orElseThrow();
            var expected = Reservation.restore(history.stream()
                    .filter(e -> e.reservationId().equals(event.reservationId()))
                    .toList());
            assertThat(reservation).isEqualTo(expected);
        }
        assertThat(repository.findByResource(new io.github.reservekit.reservation.domain.ResourceId("resource-0")))
                .extracting(Reservation::status)
                .containsExactly(ReservationStatus.CANCELLED);
    }

    @Test
    void applying_the_same_events_again_changes_nothing() {
        var placed = placedEvent(TABLE_1, slot(24, 2));
        var cancelled = cancelledEvent(placed, clock);
        apply(placed);
        apply(cancelled);
        var before = repository.findById(placed.reservationId());

        assertThat(apply(placed)).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(apply(cancelled)).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(repository.findById(placed.reservationId())).isEqualTo(before);
    }

    @Test
    void an_instances_own_published_events_read_back_are_not_applied_twice() {
        var reservation = place.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(apply(publisher.published().getFirst())).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(repository.findByResource(TABLE_1)).containsExactly(reservation);
    }

    @Test
    void restored_reservations_hold_their_slots_and_idempotency_keys() {
        var key = new IdempotencyKey("order-42");
        var placed = Reservation.place(
                ReservationFixtures.details(TABLE_1, slot(24, 2)), Optional.of(key), List.of(), clock);
        apply(placed);

        assertThatThrownBy(() -> place.place(placeCommand(TABLE_1, slot(25, 1))))
                .isInstanceOf(ReservationConflictException.class);
        assertThat(place.place(placeCommand(TABLE_1, slot(24, 2), "order-42"))).isEqualTo(Reservation.placed(placed));
        assertThatThrownBy(() -> place.place(placeCommand(TABLE_1, slot(30, 2), "order-42")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void an_overlapping_placement_recorded_by_another_instance_is_kept_and_reported() {
        var mine = place.place(placeCommand(TABLE_1, slot(24, 2)));
        ReservationPlaced theirs = placedEvent(TABLE_1, slot(25, 2));

        assertThat(apply(theirs)).isEqualTo(Outcome.APPLIED_DOUBLE_BOOKING);

        assertThat(repository.findByResource(TABLE_1))
                .extracting(Reservation::id)
                .containsExactlyInAnyOrder(mine.id(), theirs.reservationId());
    }

    @Test
    void a_cancellation_of_an_unknown_reservation_is_ignored() {
        var neverSeen = placedEvent(TABLE_1, slot(24, 2));

        assertThat(apply(cancelledEvent(neverSeen, clock))).isEqualTo(Outcome.UNKNOWN_RESERVATION);
        assertThat(repository.count()).isZero();
    }
}
