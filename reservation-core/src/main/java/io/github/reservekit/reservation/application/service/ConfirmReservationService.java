package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.HoldNotConfirmedException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Confirms holds under their resource's lock, answering with what the log's fold decided: CONFIRMED, or the hold
 * expired (or was cancelled) first. Refuses only from a view caught up with the log.
 */
public final class ConfirmReservationService implements ConfirmReservationUseCase {

    private final ReservationRepository repository;
    private final DecidingWriter writer;
    private final Clock clock;
    private final Ownership ownership;

    public ConfirmReservationService(ReservationRepository repository, DecidingWriter writer, Clock clock) {
        this(repository, writer, clock, Ownership.ANYONE);
    }

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    public ConfirmReservationService(
            ReservationRepository repository, DecidingWriter writer, Clock clock, Ownership ownership) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    @Override
    public Reservation confirm(ConfirmReservationCommand command) {
        ReservationId id = command.reservationId();
        return ReservationChange.of(
                writer, repository, clock, id, command.ifVersion(), ownership, command.principal(), current -> {
                    var resourceId = current.resourceId();
                    switch (current.asOf(clock.instant()).status()) {
                        case CONFIRMED -> {
                            return current;
                        }
                        case HELD -> {
                            // Decided below by the log's time, whatever this host's clock says.
                        }
                        default -> throw new HoldNotConfirmedException(current.asOf(clock.instant()));
                    }
                    var confirmed = current.confirm(clock, writer.confirmWithin(), command.ifVersion());
                    return switch (writer.publish(confirmed, confirmed.confirmBy())) {
                        case FoldDecision.Confirmed done -> done.reservation();
                        case FoldDecision.Rejected rejected -> {
                            writer.reportRejected(id, resourceId, rejected.reason(), Optional.empty());
                            if (rejected.reason() == ReservationRejected.Reason.STALE) {
                                throw new ReservationChangedException(
                                        rejected.standing().asOf(clock.instant()),
                                        command.ifVersion().orElseThrow());
                            }
                            throw new HoldNotConfirmedException(
                                    rejected.standing().asOf(clock.instant()));
                        }
                        case FoldDecision.Voided voided ->
                            throw new ReservationNotConfirmedException(
                                    id,
                                    ReservationNotConfirmedException.Outcome.NOT_KEPT,
                                    "its event was appended after its confirmBy",
                                    null);
                        default -> {
                            var now = load(id).asOf(clock.instant());
                            if (now.status() != ReservationStatus.CONFIRMED) {
                                throw new HoldNotConfirmedException(now);
                            }
                            yield now;
                        }
                    };
                });
    }

    private Reservation load(ReservationId id) {
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
