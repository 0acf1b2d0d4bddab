package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.time.Clock;
import java.util.Objects;

/**
 * Cancels reservations under their resource's lock: publishes the cancellation, then saves it. Cancelling a
 * cancelled reservation returns it as it is and publishes nothing.
 */
public final class CancelReservationService implements CancelReservationUseCase {

    private final ReservationRepository repository;
    private final ReservationPublisher publisher;
    private final Clock clock;
    private final KeyedLocks locks;

    /** @param locks shared with {@link PlaceReservationService} */
    public CancelReservationService(
            ReservationRepository repository, ReservationPublisher publisher, Clock clock, KeyedLocks locks) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Reservation cancel(CancelReservationCommand command) {
        ReservationId id = command.reservationId();
        var resourceId = load(id).resourceId();
        return locks.withLock(resourceId, () -> {
            var current = load(id);
            if (!current.isConfirmed()) {
                return current;
            }
            var cancelled = current.cancel(clock);
            publisher.publish(cancelled);
            var reservation = current.apply(cancelled);
            repository.save(reservation);
            return reservation;
        });
    }

    private Reservation load(ReservationId id) {
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
