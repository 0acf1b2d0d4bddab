package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fold of CONTRACT.md section 2: every reader applies the log's events in order by these rules, which use only
 * what is in the records (the record's append time included, never a clock of this instance), so every reader
 * reaches the same reservations and the same decisions. Hands each decision to the writer waiting for it.
 *
 * <p>It takes no lock: a reader applies a partition's events from one thread, and writers never change the state
 * themselves (they wait for the fold's decision about their event, holding the resource's lock, which the fold
 * must therefore not need).
 */
public final class ApplyReservationEventService implements ApplyReservationEventUseCase {

    private final ReservationRepository repository;
    private final PendingDecisions pending;
    // Placements that made no reservation (rejected or void): rule 3 must still know their ids were placed.
    private final Set<ReservationId> placedWithoutReservation = ConcurrentHashMap.newKeySet();

    ApplyReservationEventService(ReservationRepository repository, PendingDecisions pending) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    @Override
    public FoldDecision apply(ApplyReservationEventCommand command) {
        var event = command.event();
        FoldDecision decision = switch (event) {
            case ReservationPlaced placed -> place(placed, command.recordedAt());
            case ReservationCancelled cancelled -> cancel(cancelled, command.recordedAt());
            case ReservationRejected rejected -> new FoldDecision.Unchanged("rule 8: a rejected event reports only");
        };
        pending.decided(event.eventId(), decision);
        return decision;
    }

    private FoldDecision place(ReservationPlaced placed, Optional<Instant> recordedAt) {
        if (repository.findById(placed.reservationId()).isPresent()
                || placedWithoutReservation.contains(placed.reservationId())) {
            return new FoldDecision.Unchanged("rule 3: reservation " + placed.reservationId() + " was placed before");
        }
        if (late(placed.confirmBy(), recordedAt)) {
            placedWithoutReservation.add(placed.reservationId());
            return new FoldDecision.Voided();
        }
        var holder = placed.idempotencyKey().flatMap(key -> repository.findByIdempotencyKey(placed.resourceId(), key));
        if (holder.isPresent()) {
            placedWithoutReservation.add(placed.reservationId());
            return new FoldDecision.Rejected(
                    ReservationRejected.Reason.DUPLICATE, holder.get().id());
        }
        var conflict = Reservation.findConflict(placed.slot(), repository.findByResource(placed.resourceId()));
        if (conflict.isPresent()) {
            placedWithoutReservation.add(placed.reservationId());
            return new FoldDecision.Rejected(
                    ReservationRejected.Reason.OVERLAP, conflict.get().id());
        }
        var reservation = Reservation.placed(placed);
        repository.save(reservation);
        return new FoldDecision.Confirmed(reservation);
    }

    private FoldDecision cancel(ReservationCancelled cancelled, Optional<Instant> recordedAt) {
        if (late(cancelled.confirmBy(), recordedAt)) {
            return new FoldDecision.Voided();
        }
        var current = repository.findById(cancelled.reservationId());
        if (current.isEmpty() || !current.get().isConfirmed()) {
            return new FoldDecision.Unchanged(
                    "rule 7: reservation " + cancelled.reservationId() + " is not CONFIRMED here");
        }
        var reservation = current.get().apply(cancelled);
        repository.save(reservation);
        return new FoldDecision.Cancelled(reservation);
    }

    /** Rules 2 and 7: appended after the writer stopped waiting. Events without confirmBy (version 1) never are. */
    private static boolean late(Optional<Instant> confirmBy, Optional<Instant> recordedAt) {
        return confirmBy.isPresent()
                && recordedAt.isPresent()
                && confirmBy.get().isBefore(recordedAt.get());
    }
}
