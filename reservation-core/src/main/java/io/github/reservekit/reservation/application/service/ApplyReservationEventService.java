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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fold of CONTRACT.md section 2: every reader applies the log's events in order by these rules, which use only
 * what is in the records (the record's append time included, never a clock of this instance), so every reader
 * reaches the same reservations and the same decisions. Hands each decision to the writer waiting for it.
 *
 * <p>Memory is bounded by what can still matter: a reservation is forgotten once its slot ended at least
 * {@link #FORGET_AFTER_END} before the log's time, and the decisions never depend on when that happens. They use
 * only the records: a reservation counts for a placement or cancellation only while its slot ended less than
 * {@code FORGET_AFTER_END} before that event's own record time, and a placement whose own slot ended that long
 * before it was recorded is void (version 2 events; version 1 events are never void). Memory is then freed when every partition has reached a later record time
 * ({@link #logReached}), after which no event still to come can see it. A writer that follows section 1 (no slot
 * starting in the past) never places a slot that could overlap a forgotten one, so for it the fold decides exactly
 * as the unbounded fold of CONTRACT.md would.
 *
 * <p>It takes no lock: a reader applies a partition's events from one thread, and writers never change the state
 * themselves (they wait for the fold's decision about their event, holding the resource's lock, which the fold
 * must therefore not need).
 */
public final class ApplyReservationEventService implements ApplyReservationEventUseCase {

    private final ReservationRepository repository;
    private final PendingDecisions pending;
    /** How long after its slot ended (by the log's record time) a reservation still counts: one day. */
    public static final Duration FORGET_AFTER_END = Duration.ofDays(1);

    // Placements that made no reservation (rejected or void), with the end of their slot: rule 3 must still know
    // their ids were placed, until they are forgotten like a reservation.
    private final Map<ReservationId, Instant> placedWithoutReservation = new ConcurrentHashMap<>();
    private static final Duration FORGET_STEP = Duration.ofMinutes(1);
    private volatile Instant placementsForgottenUpTo = Instant.MIN;

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
        if (placed.confirmBy().isPresent() && !counts(placed.slot().endsAt(), recordedAt)) {
            // Ended a day before it was recorded: no writer following section 1 writes it, and what it could
            // overlap may be forgotten already. Void for every reader, whenever it forgets (version 1 events,
            // never void, are written as they happen).
            return new FoldDecision.Voided();
        }
        if (repository.findById(placed.reservationId()).isPresent()
                || placedWithoutReservation.containsKey(placed.reservationId())) {
            return new FoldDecision.Unchanged("rule 3: reservation " + placed.reservationId() + " was placed before");
        }
        if (late(placed.confirmBy(), recordedAt)) {
            placedWithoutReservation.put(placed.reservationId(), placed.slot().endsAt());
            return new FoldDecision.Voided();
        }
        var holder = placed.idempotencyKey()
                .flatMap(key -> repository.findByIdempotencyKey(placed.resourceId(), key))
                .filter(reservation -> counts(reservation.slot().endsAt(), recordedAt));
        if (holder.isPresent()) {
            placedWithoutReservation.put(placed.reservationId(), placed.slot().endsAt());
            return new FoldDecision.Rejected(
                    ReservationRejected.Reason.DUPLICATE, holder.get().id());
        }
        var standing = repository.findByResource(placed.resourceId()).stream()
                .filter(reservation -> counts(reservation.slot().endsAt(), recordedAt))
                .toList();
        var conflict = Reservation.findConflict(placed.slot(), standing);
        if (conflict.isPresent()) {
            placedWithoutReservation.put(placed.reservationId(), placed.slot().endsAt());
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
        var current = repository
                .findById(cancelled.reservationId())
                .filter(reservation -> counts(reservation.slot().endsAt(), recordedAt));
        if (current.isEmpty() || !current.get().isConfirmed()) {
            return new FoldDecision.Unchanged(
                    "rule 7: reservation " + cancelled.reservationId() + " is not CONFIRMED here");
        }
        var reservation = current.get().apply(cancelled);
        repository.save(reservation);
        return new FoldDecision.Cancelled(reservation);
    }

    /**
     * Forgets what ended {@link #FORGET_AFTER_END} before {@code logTime}: every record still to come is appended
     * after it, so by {@link #counts} nothing forgotten could count for it. Called by the log's single reader.
     */
    @Override
    public void logReached(Instant logTime) {
        Instant cutoff = logTime.minus(FORGET_AFTER_END);
        repository.removeEndedBy(cutoff); // walks only what ended since the last call
        if (!cutoff.isBefore(placementsForgottenUpTo.plus(FORGET_STEP))) {
            // A walk over every placement that made no reservation: at most once a minute of log time.
            placementsForgottenUpTo = cutoff;
            placedWithoutReservation.values().removeIf(endsAt -> !endsAt.isAfter(cutoff));
        }
    }

    /** Whether a reservation whose slot ends at {@code endsAt} still counts for an event recorded at that time. */
    private static boolean counts(Instant endsAt, Optional<Instant> recordedAt) {
        return recordedAt.isEmpty() || endsAt.plus(FORGET_AFTER_END).isAfter(recordedAt.get());
    }

    /** Rules 2 and 7: appended after the writer stopped waiting. Events without confirmBy (version 1) never are. */
    private static boolean late(Optional<Instant> confirmBy, Optional<Instant> recordedAt) {
        return confirmBy.isPresent()
                && recordedAt.isPresent()
                && confirmBy.get().isBefore(recordedAt.get());
    }
}
