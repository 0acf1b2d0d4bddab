package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.HoldNotConfirmedException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Clock;
import java.util.Optional;

/**
 * Confirms holds under their resource's lock, answering with what the log's fold decided: CONFIRMED, or the hold
 * expired (or was cancelled) first. Refuses only from a view caught up with the log.
 */
public final class ConfirmReservationService implements ConfirmReservationUseCase {

    private final ReservationChange change;

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    public ConfirmReservationService(
            ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock, Ownership ownership) {
        this.change = new ReservationChange(repository, writer, clock, ownership);
    }

    @Override
    public Reservation confirm(ConfirmReservationCommand command) {
        ReservationId id = command.reservationId();
        var writer = change.writer();
        return change.of(id, command.ifVersion(), command.principal(), current -> {
            switch (current.asOf(change.now()).status()) {
                case CONFIRMED -> {
                    return current;
                }
                case HELD -> {
                    // Decided below by the log's time, whatever this host's clock says.
                }
                default -> throw new HoldNotConfirmedException(current.asOf(change.now()));
            }
            var confirmed = current.confirm(change.clock(), writer.confirmWithin(), command.ifVersion());
            return switch (writer.publish(confirmed, confirmed.confirmBy())) {
                case FoldDecision.Confirmed done -> done.reservation();
                case FoldDecision.Rejected rejected -> {
                    writer.reportRejected(id, current.resourceId(), rejected.reason(), Optional.empty());
                    var standing = rejected.standing().asOf(change.now());
                    if (rejected.reason() == ReservationRejected.Reason.STALE) {
                        throw new ReservationChangedException(
                                standing, command.ifVersion().orElseThrow());
                    }
                    throw new HoldNotConfirmedException(standing);
                }
                case FoldDecision.Voided voided -> throw ReservationChange.voided(id);
                default -> {
                    var now = change.load(id).asOf(change.now());
                    if (now.status() != ReservationStatus.CONFIRMED) {
                        throw new HoldNotConfirmedException(now);
                    }
                    yield now;
                }
            };
        });
    }
}
