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
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves or resizes reservations under their resource's lock, answering with what the log's fold decided: moved, or
 * refused for a reservation in the way (it stays as it was). Checks against a view caught up with the log first.
 */
public final class RescheduleReservationService implements RescheduleReservationUseCase {

    private final ReservationRepository repository;
    private final DecidingWriter writer;
    private final Clock clock;
    private final Ownership ownership;

    public RescheduleReservationService(ReservationRepository repository, DecidingWriter writer, Clock clock) {
        this(repository, writer, clock, Ownership.ANYONE);
    }

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    public RescheduleReservationService(
            ReservationRepository repository, DecidingWriter writer, Clock clock, Ownership ownership) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    @Override
    public Reservation reschedule(RescheduleReservationCommand command) {
        ReservationId id = command.reservationId();
        return ReservationChange.of(
                writer, repository, clock, id, command.ifVersion(), ownership, command.principal(), current -> {
                    var resourceId = current.resourceId();
                    if (!current.countsAt(clock.instant())) {
                        throw new ReservationNotActiveException(current.asOf(clock.instant()));
                    }
                    var slot = new TimeSlot(
                            command.startsAt().orElse(current.slot().startsAt()),
                            command.endsAt().orElse(current.slot().endsAt()));
                    int units = command.units().orElse(current.units());
                    Resource.checkUnits(units);
                    var moved = current.reschedule(clock, writer.confirmWithin(), slot, units, command.ifVersion());
                    return switch (writer.publish(moved, moved.confirmBy())) {
                        case FoldDecision.Moved done -> done.reservation();
                        case FoldDecision.Rejected rejected -> {
                            writer.reportRejected(
                                    id,
                                    resourceId,
                                    rejected.reason(),
                                    Optional.of(rejected.standing().id()));
                            if (rejected.reason() == ReservationRejected.Reason.STALE) {
                                throw new ReservationChangedException(
                                        rejected.standing().asOf(clock.instant()),
                                        command.ifVersion().orElseThrow());
                            }
                            throw new ReservationConflictException(
                                    resourceId,
                                    slot,
                                    rejected.standing().id(),
                                    rejected.standing().slot());
                        }
                        case FoldDecision.ResourceRefused refused ->
                            throw new CapacityExceededException(
                                    resourceId, refused.resource().capacity(), refused.at(), refused.units());
                        case FoldDecision.Voided voided ->
                            throw new ReservationNotConfirmedException(
                                    id,
                                    ReservationNotConfirmedException.Outcome.NOT_KEPT,
                                    "its event was appended after its confirmBy",
                                    null);
                        default -> throw new ReservationNotActiveException(load(id).asOf(clock.instant()));
                    };
                });
    }

    private Reservation load(ReservationId id) {
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
