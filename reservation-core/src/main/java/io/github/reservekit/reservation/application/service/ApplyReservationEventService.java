package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.util.Objects;

/**
 * Applies recorded events under the resource's lock, so a replayed or tailed event never interleaves with a
 * placement or cancellation of the same resource in this instance.
 */
public final class ApplyReservationEventService implements ApplyReservationEventUseCase {

    private final ReservationRepository repository;
    private final KeyedLocks locks;

    /** @param locks shared with the services that place and cancel */
    public ApplyReservationEventService(ReservationRepository repository, KeyedLocks locks) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Outcome apply(ApplyReservationEventCommand command) {
        var event = command.event();
        return locks.withLock(event.resourceId(), () -> switch (event) {
            case ReservationPlaced placed -> applyPlaced(placed);
            case ReservationCancelled cancelled -> applyCancelled(cancelled);
        });
    }

    private Outcome applyPlaced(ReservationPlaced placed) {
        if (repository.findById(placed.reservationId()).isPresent()) {
            return Outcome.ALREADY_APPLIED;
        }
        boolean doubleBooking = Reservation.findConflict(placed.slot(), repository.findByResource(placed.resourceId()))
                .isPresent();
        repository.save(Reservation.placed(placed));
        return doubleBooking ? Outcome.APPLIED_DOUBLE_BOOKING : Outcome.APPLIED;
    }

    private Outcome applyCancelled(ReservationCancelled cancelled) {
        var current = repository.findById(cancelled.reservationId());
        if (current.isEmpty()) {
            return Outcome.UNKNOWN_RESERVATION;
        }
        if (!current.get().isConfirmed()) {
            return Outcome.ALREADY_APPLIED;
        }
        repository.save(current.get().apply(cancelled));
        return Outcome.APPLIED;
    }
}
