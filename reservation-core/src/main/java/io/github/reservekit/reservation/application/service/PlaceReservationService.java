package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.Reservation;
import java.time.Clock;
import java.util.Objects;

/**
 * Places reservations: under the resource's lock it loads the resource's reservations, lets
 * {@link Reservation#place} decide, publishes the event and only then saves. A failed publish leaves nothing
 * behind. A request with an idempotency key is also serialised on that key, so two concurrent retries
 * cannot both place.
 */
public final class PlaceReservationService implements PlaceReservationUseCase {

    private final ReservationRepository repository;
    private final ReservationPublisher publisher;
    private final Clock clock;
    private final KeyedLocks locks;

    /** @param locks shared with {@link CancelReservationService} */
    public PlaceReservationService(
            ReservationRepository repository, ReservationPublisher publisher, Clock clock, KeyedLocks locks) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Reservation place(PlaceReservationCommand command) {
        Objects.requireNonNull(command, "command");
        return command.idempotencyKey()
                .map(key -> locks.withLock(key, () -> placeOnce(command, key)))
                .orElseGet(() -> placeNew(command));
    }

    private Reservation placeOnce(PlaceReservationCommand command, IdempotencyKey key) {
        var earlier = repository.findByIdempotencyKey(key);
        if (earlier.isEmpty()) {
            return placeNew(command);
        }
        if (!earlier.get().details().equals(command.details())) {
            throw new IdempotencyKeyReusedException(key, earlier.get().id());
        }
        return earlier.get();
    }

    private Reservation placeNew(PlaceReservationCommand command) {
        var resourceId = command.details().resourceId();
        return locks.withLock(resourceId, () -> {
            var placed = Reservation.place(
                    command.details(), command.idempotencyKey(), repository.findByResource(resourceId), clock);
            publisher.publish(placed);
            var reservation = Reservation.placed(placed);
            repository.save(reservation);
            return reservation;
        });
    }
}
