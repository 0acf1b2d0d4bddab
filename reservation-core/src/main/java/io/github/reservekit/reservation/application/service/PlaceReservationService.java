package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.CapacityExceededException;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationsUnavailableException;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Places reservations: under the resource's lock (and the idempotency key's, so an instance never races itself) it
 * checks against the local view first (fast 400/409/422), publishes, and answers with what the log's fold decided
 * about its event: confirmed, rejected for an overlap or as a duplicate (another instance won the race in the log),
 * or not confirmed. Nothing is saved here: only the fold changes the state.
 *
 * <p>The local view may lag the log (this instance's reader has not applied another instance's cancellation yet), so
 * it never refuses on its own: a conflict found locally is checked again after catching up with the resource's part
 * of the log, and only a conflict that is still there is answered 409. Every placement carries an idempotency key,
 * the client's or one generated here, so that a writer that could not learn its event's fate can name the key to
 * retry with: a retry with it ends in one definite answer, never in a second reservation.
 */
public final class PlaceReservationService implements PlaceReservationUseCase {

    private final ReservationRepository repository;
    private final DecisionAwaitingWriter writer;
    private final Clock clock;
    private final Duration maxHorizon;

    /** @param maxHorizon how far ahead of now a reservation may start */
    public PlaceReservationService(
            ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock, Duration maxHorizon) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxHorizon = Objects.requireNonNull(maxHorizon, "maxHorizon");
    }

    @Override
    public Reservation place(PlaceReservationCommand command) {
        Objects.requireNonNull(command, "command");
        if (command.details().slot().startsAt().isAfter(clock.instant().plus(maxHorizon))) {
            throw new InvalidReservationException(
                    "startsAt", "must be at most " + maxHorizon.toDays() + " days ahead (reservekit.max-horizon)");
        }
        if (command.idempotencyKey().isPresent()) {
            var key = command.idempotencyKey().get();
            return writer.locks().withLock(key, () -> placeOnce(command, key));
        }
        return placeNew(command.withIdempotencyKey(IdempotencyKey.generate()));
    }

    private Reservation placeOnce(PlaceReservationCommand command, IdempotencyKey key) {
        var earlier = repository.findByIdempotencyKey(command.details().resourceId(), key);
        return earlier.map(reservation -> sameRequest(command, reservation)).orElseGet(() -> placeNew(command));
    }

    private Reservation placeNew(PlaceReservationCommand command) {
        var resourceId = command.details().resourceId();
        return writer.locks().withLock(resourceId, () -> {
            ReservationPlaced placed;
            try {
                placed = decide(command);
            } catch (ReservationConflictException | CapacityExceededException seenLocally) {
                // The local view may be behind the log: refuse only what is still in the way once caught up.
                catchUpBeforeRefusing(command);
                var earlier = repository.findByIdempotencyKey(
                        resourceId, command.idempotencyKey().orElseThrow());
                if (earlier.isPresent()) {
                    return sameRequest(command, earlier.get());
                }
                placed = decide(command);
            }
            return answer(command, placed, writer.publish(placed, placed.confirmBy()));
        });
    }

    private ReservationPlaced decide(PlaceReservationCommand command) {
        var slot = command.details().slot();
        // Only what can overlap the slot: reservations starting at most the longest slot before it, up to its end.
        var near = repository
                .findByResourceStartingFrom(
                        command.details().resourceId(), slot.startsAt().minus(TimeSlot.MAX_LENGTH))
                .takeWhile(reservation -> reservation.slot().startsAt().isBefore(slot.endsAt()))
                .toList();
        return Reservation.placement(command.details(), near, clock)
                .idempotencyKey(command.idempotencyKey())
                .confirmWithin(writer.confirmWithin())
                .holdFor(command.holdFor())
                .units(
                        command.units(),
                        writer.resource(command.details().resourceId()).capacity())
                .placedBy(command.placedBy())
                .decide();
    }

    private void catchUpBeforeRefusing(PlaceReservationCommand command) {
        try {
            writer.catchUp(Set.of(command.details().resourceId()));
        } catch (ReservationsUnavailableException cannotTell) {
            throw new ReservationNotConfirmedException(
                    ReservationId.random(),
                    ReservationNotConfirmedException.Outcome.NOT_KEPT,
                    "nothing was published: its slot seemed taken, and the log could not be read to make sure",
                    cannotTell,
                    command.idempotencyKey());
        }
    }

    private Reservation answer(PlaceReservationCommand command, ReservationPlaced placed, FoldDecision decision) {
        return switch (decision) {
            case FoldDecision.Confirmed confirmed -> confirmed.reservation();
            case FoldDecision.Rejected rejected -> {
                var standing = rejected.standing();
                writer.reportRejected(
                        placed.reservationId(), placed.resourceId(), rejected.reason(), Optional.of(standing.id()));
                if (rejected.reason() == ReservationRejected.Reason.DUPLICATE) {
                    yield sameRequest(command, standing);
                }
                throw new ReservationConflictException(
                        placed.resourceId(), placed.slot(), standing.id(), standing.slot());
            }
            case FoldDecision.Voided voided -> {
                writer.reportRejected(
                        placed.reservationId(), placed.resourceId(), ReservationRejected.Reason.LATE, Optional.empty());
                throw notKept(placed, "its event was appended after its confirmBy");
            }
            case FoldDecision.ResourceRefused refused -> {
                writer.reportRejected(placed.reservationId(), placed.resourceId(), refused.reason(), Optional.empty());
                throw new CapacityExceededException(
                        placed.resourceId(), refused.resource().capacity(), refused.at(), refused.units());
            }
            case FoldDecision.Unchanged unchanged -> throw notKept(placed, unchanged.why());
            case FoldDecision.Cancelled cancelled -> throw notKept(placed, "unexpected " + decision);
            case FoldDecision.Moved moved -> throw notKept(placed, "unexpected " + decision);
            case FoldDecision.Defined defined -> throw notKept(placed, "unexpected " + decision);
        };
    }

    /** A retry gets the reservation its key made; the same key with other details is refused. */
    private static Reservation sameRequest(PlaceReservationCommand command, Reservation earlier) {
        if (!earlier.details().equals(command.details())) {
            throw new IdempotencyKeyReusedException(command.idempotencyKey().orElseThrow(), earlier.id());
        }
        return earlier;
    }

    private static ReservationNotConfirmedException notKept(ReservationPlaced placed, String why) {
        return new ReservationNotConfirmedException(
                placed.reservationId(),
                ReservationNotConfirmedException.Outcome.NOT_KEPT,
                why,
                null,
                placed.idempotencyKey());
    }
}
