package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationCommand;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.CapacityExceededException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotActiveException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Clock;
import java.util.Optional;

/**
 * Moves or resizes reservations under their resource's lock, answering with what the log's fold decided: moved, or
 * refused for a reservation in the way (it stays as it was). Checks against a view caught up with the log first.
 */
public final class RescheduleReservationService implements RescheduleReservationUseCase {

    private final ReservationChange change;

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    public RescheduleReservationService(
            ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock, Ownership ownership) {
        this.change = new ReservationChange(repository, writer, clock, ownership);
    }

    @Override
    public Reservation reschedule(RescheduleReservationCommand command) {
        ReservationId id = command.reservationId();
        var writer = change.writer();
        return change.of(id, command.ifVersion(), command.principal(), current -> {
            var resourceId = current.resourceId();
            if (!current.countsAt(change.now())) {
                throw new ReservationNotActiveException(current.asOf(change.now()));
            }
            var slot = new TimeSlot(
                    command.startsAt().orElse(current.slot().startsAt()),
                    command.endsAt().orElse(current.slot().endsAt()));
            int units = command.units().orElse(current.units());
            Resource.checkUnits(units);
            var moved = current.reschedule(change.clock(), writer.confirmWithin(), slot, units, command.ifVersion());
            return switch (writer.publish(moved, moved.confirmBy())) {
                case FoldDecision.Moved done -> done.reservation();
                case FoldDecision.Rejected rejected -> {
                    var standing = rejected.standing();
                    writer.reportRejected(id, resourceId, rejected.reason(), Optional.of(standing.id()));
                    if (rejected.reason() == ReservationRejected.Reason.STALE) {
                        throw new ReservationChangedException(
                                standing.asOf(change.now()), command.ifVersion().orElseThrow());
                    }
                    throw new ReservationConflictException(resourceId, slot, standing.id(), standing.slot());
                }
                case FoldDecision.ResourceRefused refused ->
                    throw new CapacityExceededException(
                            resourceId, refused.resource().capacity(), refused.at(), refused.units());
                case FoldDecision.Voided voided -> throw ReservationChange.voided(id);
                default ->
                    throw new ReservationNotActiveException(change.load(id).asOf(change.now()));
            };
        });
    }
}
