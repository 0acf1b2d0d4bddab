package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Places reservations: under the resource's lock (and the idempotency key's, so an instance never races itself) it
 * checks against the local view first (fast 400/409/422), publishes, and answers with what the log's fold decided
 * about its event: confirmed, rejected for an overlap or as a duplicate (another instance won the race in the log),
 * or not confirmed. Nothing is saved here: only the fold changes the state.
 */
final class PlaceReservationService implements PlaceReservationUseCase {

    private final ReservationRepository repository;
    private final DecidingWriter writer;
    private final Clock clock;
    private final KeyedLocks locks;

    PlaceReservationService(ReservationRepository repository, DecidingWriter writer, Clock clock, KeyedLocks locks) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
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
        var earlier = repository.findByIdempotencyKey(command.details().resourceId(), key);
        return earlier.map(reservation -> sameRequest(command, reservation)).orElseGet(() -> placeNew(command));
    }

    private Reservation placeNew(PlaceReservationCommand command) {
        var resourceId = command.details().resourceId();
        return locks.withLock(resourceId, () -> {
            var placed = Reservation.place(
                    command.details(),
                    command.idempotencyKey(),
                    repository.findByResource(resourceId),
                    clock,
                    writer.confirmWithin());
            return answer(command, placed, writer.publish(placed, placed.confirmBy()));
        });
    }

    private Reservation answer(PlaceReservationCommand command, ReservationPlaced placed, FoldDecision decision) {
        return switch (decision) {
            case FoldDecision.Confirmed confirmed -> confirmed.reservation();
            case FoldDecision.Rejected rejected -> {
                writer.reportRejected(
                        placed.reservationId(),
                        placed.resourceId(),
                        rejected.reason(),
                        Optional.of(rejected.standing()));
                var standing = repository.findById(rejected.standing()).orElseThrow();
                if (rejected.reason() == ReservationRejected.Reason.DUPLICATE) {
                    yield sameRequest(command, standing);
                }
                throw new ReservationConflictException(
                        placed.resourceId(), placed.slot(), standing.id(), standing.slot());
            }
            case FoldDecision.Voided voided -> {
                writer.reportRejected(
                        placed.reservationId(), placed.resourceId(), ReservationRejected.Reason.LATE, Optional.empty());
                throw notKept(placed.reservationId(), "its event was appended after its confirmBy");
            }
            case FoldDecision.Cancelled cancelled -> throw notKept(placed.reservationId(), "unexpected " + decision);
            case FoldDecision.Unchanged unchanged -> throw notKept(placed.reservationId(), unchanged.why());
        };
    }

    /** A retry gets the reservation its key made; the same key with other details is refused. */
    private static Reservation sameRequest(PlaceReservationCommand command, Reservation earlier) {
        if (!earlier.details().equals(command.details())) {
            throw new IdempotencyKeyReusedException(command.idempotencyKey().orElseThrow(), earlier.id());
        }
        return earlier;
    }

    private static ReservationNotConfirmedException notKept(ReservationId id, String why) {
        return new ReservationNotConfirmedException(id, ReservationNotConfirmedException.Outcome.NOT_KEPT, why, null);
    }
}
