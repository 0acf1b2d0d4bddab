package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Cancels reservations under their resource's lock: publishes the cancellation and answers with what the log's
 * fold decided. Cancelling a cancelled reservation returns it as it is and publishes nothing.
 */
public final class CancelReservationService implements CancelReservationUseCase {

    private final ReservationRepository repository;
    private final DecidingWriter writer;
    private final Clock clock;
    private final Ownership ownership;

    public CancelReservationService(ReservationRepository repository, DecidingWriter writer, Clock clock) {
        this(repository, writer, clock, Ownership.ANYONE);
    }

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    public CancelReservationService(
            ReservationRepository repository, DecidingWriter writer, Clock clock, Ownership ownership) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    @Override
    public Reservation cancel(CancelReservationCommand command) {
        ReservationId id = command.reservationId();
        return ReservationChange.of(
                writer, repository, clock, id, command.ifVersion(), ownership, command.principal(), current -> {
                    var resourceId = current.resourceId();
                    if (!current.countsAt(clock.instant())) {
                        return current.asOf(
                                clock.instant()); // cancelled, or a hold that expired: nothing left to cancel
                    }
                    var cancelled = current.cancel(clock, writer.confirmWithin(), command.ifVersion());
                    return switch (writer.publish(cancelled, cancelled.confirmBy())) {
                        case FoldDecision.Cancelled done -> done.reservation();
                        case FoldDecision.Rejected stale -> {
                            // Another instance changed it between this instance's read and the log: the fold refused
                            // it.
                            writer.reportRejected(id, current.resourceId(), stale.reason(), Optional.empty());
                            throw new ReservationChangedException(
                                    stale.standing(), command.ifVersion().orElseThrow());
                        }
                        case FoldDecision.Voided voided ->
                            throw new ReservationNotConfirmedException(
                                    id,
                                    ReservationNotConfirmedException.Outcome.NOT_KEPT,
                                    "its event was appended after its confirmBy",
                                    null);
                        // Another writer's cancellation came first (it is CANCELLED, as asked), or the reservation no
                        // longer
                        // counts for the log (its slot ended a day before): either way the answer is what it now is.
                        default -> load(id).asOf(clock.instant());
                    };
                });
    }

    private Reservation load(ReservationId id) {
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
