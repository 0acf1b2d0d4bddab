package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationId;
import java.time.Clock;
import java.util.Optional;

/**
 * Cancels reservations under their resource's lock: publishes the cancellation and answers with what the log's
 * fold decided. Cancelling a cancelled reservation returns it as it is and publishes nothing.
 */
public final class CancelReservationService implements CancelReservationUseCase {

    private final ReservationChange change;

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    public CancelReservationService(
            ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock, Ownership ownership) {
        this.change = new ReservationChange(repository, writer, clock, ownership);
    }

    @Override
    public Reservation cancel(CancelReservationCommand command) {
        ReservationId id = command.reservationId();
        var writer = change.writer();
        return change.of(id, command.ifVersion(), command.principal(), current -> {
            if (!current.countsAt(change.now())) {
                return current.asOf(change.now()); // cancelled, or a hold that expired: nothing left to cancel
            }
            var cancelled = current.cancel(change.clock(), writer.confirmWithin(), command.ifVersion());
            return switch (writer.publish(cancelled, cancelled.confirmBy())) {
                case FoldDecision.Cancelled done -> done.reservation();
                case FoldDecision.Rejected stale -> {
                    // Another instance changed it between this instance's read and the log: the fold refused it.
                    writer.reportRejected(id, current.resourceId(), stale.reason(), Optional.empty());
                    throw new ReservationChangedException(
                            stale.standing(), command.ifVersion().orElseThrow());
                }
                case FoldDecision.Voided voided -> throw ReservationChange.voided(id);
                // Another writer's cancellation came first (it is CANCELLED, as asked), or the reservation no longer
                // counts for the log (its slot ended a day before): either way the answer is what it now is.
                default -> change.load(id).asOf(change.now());
            };
        });
    }
}
