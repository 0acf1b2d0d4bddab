package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.application.service.RecordTimes.counts;
import static io.github.reservekit.reservation.application.service.RecordTimes.late;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ReservationRejected.Reason;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The fold of CONTRACT.md section 4.4: every reader applies the log's events in order by these rules, which use only
 * what is in the records (the record's append time included, never a clock of this instance), so every reader
 * reaches the same reservations and the same decisions. Hands each decision to the writer waiting for it.
 *
 * <p>A record's time {@code t} is the largest append time seen so far in its partition (rule 2): a leader whose clock
 * is behind cannot move time backwards, so "still counts" and "void" decide alike for a replaying reader and a live
 * one. A copy of an event already applied changes nothing (rule 3): a placement of an id placed before, or an event
 * id ({@code ce_id}) already applied.
 *
 * <p>Memory is bounded by what can still matter (rule 12): a reservation is forgotten once its slot ended at least
 * {@link #FORGET_AFTER_END} before the log's time, and the decisions never depend on when that happens. They use
 * only the records: a reservation counts for a placement or cancellation only while its slot ended less than
 * {@code FORGET_AFTER_END} before that event's time {@code t}, and a placement whose own slot ended that long before
 * {@code t} is void (version 2 events; version 1 events are never void). Memory is then freed when every partition
 * has reached a later time ({@link #logReached}), after which no event still to come can see it. A writer that
 * follows section 1 (no slot starting in the past) never places a slot that could overlap a forgotten one, so for it
 * the fold decides exactly as the unbounded fold would.
 *
 * <p>It takes no lock: a reader applies a partition's events from one thread, and writers never change the state
 * themselves (they wait for the fold's decision about their event, holding the resource's lock, which the fold
 * must therefore not need).
 */
public final class ApplyReservationEventService implements ApplyReservationEventUseCase {

    /** How long after its slot ended (by the log's record time) a reservation still counts: one day. */
    public static final Duration FORGET_AFTER_END = Duration.ofDays(1);

    private static final Duration FORGET_STEP = Duration.ofMinutes(1);

    private final ReservationRepository repository;
    private final PendingDecisions pending = new PendingDecisions();

    // Rules 2, 4 and 12: a record's time and what it decides.
    private final RecordTimes times = new RecordTimes();
    // Rule 3: what was applied besides the reservations, to recognise copies.
    private final AppliedEvents applied = new AppliedEvents();
    // Rules 6, 9 and 10: each resource's definition and what counts against it.
    private final ResourceLoads loads;
    private volatile Instant placementsForgottenUpTo = Instant.MIN;

    /** The fold of the reservations kept in {@code repository}; only the fold changes them. */
    public ApplyReservationEventService(ReservationRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.loads = new ResourceLoads(repository);
    }

    /** The writers waiting for this fold's decisions about their own events. */
    PendingDecisions pending() {
        return pending;
    }

    @Override
    public FoldDecision apply(ApplyReservationEventCommand command) {
        var event = command.event();
        var t = command.recordedAt().map(recordedAt -> times.timeOf(command.partition(), recordedAt));
        FoldDecision decision;
        if (applied.changedBefore(event.eventId())) {
            decision = new FoldDecision.Unchanged("rule 3: event " + event.eventId() + " was applied before");
        } else {
            decision = switch (event) {
                case ReservationPlaced placed -> place(placed, t);
                case ReservationCancelled cancelled -> cancel(cancelled, t);
                case ReservationConfirmed confirmed -> confirm(confirmed, t);
                case ReservationRescheduled rescheduled -> reschedule(rescheduled, t);
                case ResourceDefined defined -> define(defined, t);
                case ReservationRejected rejected ->
                    new FoldDecision.Unchanged("rule 11: a rejected event reports only");
            };
        }
        pending.decided(event.eventId(), decision);
        return decision;
    }

    private FoldDecision place(ReservationPlaced placed, Optional<Instant> t) {
        if (placed.confirmBy().isPresent() && !counts(placed.slot().endsAt(), t)) {
            // Ended a day before it was recorded: no writer following section 1 writes it, and what it could
            // overlap may be forgotten already. Void for every reader, whenever it forgets (version 1 events,
            // never void, are written as they happen).
            return new FoldDecision.Voided();
        }
        if (repository.findById(placed.reservationId()).isPresent()
                || applied.placedWithoutReservation(placed.reservationId())) {
            return new FoldDecision.Unchanged("rule 3: reservation " + placed.reservationId() + " was placed before");
        }
        if (late(placed.confirmBy(), t)) {
            applied.madeNoReservation(placed);
            return new FoldDecision.Voided();
        }
        var holder = placed.idempotencyKey()
                .flatMap(key -> repository.findByIdempotencyKey(placed.resourceId(), key))
                .filter(reservation -> counts(reservation.slot().endsAt(), t));
        if (holder.isPresent()) {
            applied.madeNoReservation(placed);
            return new FoldDecision.Rejected(Reason.DUPLICATE, holder.get());
        }
        var resource = loads.countingAt(placed.resourceId(), t);
        int capacity = resource(placed.resourceId()).capacity();
        if (!resource.fits(placed.slot(), placed.units(), capacity)) {
            applied.madeNoReservation(placed);
            return loads.refusal(placed.resourceId(), placed.slot(), placed.units(), resource, placed.reservationId());
        }
        var reservation = Reservation.placed(placed, t.orElse(placed.occurredAt()));
        repository.save(reservation);
        loads.count(resource, reservation);
        return new FoldDecision.Confirmed(reservation);
    }

    private FoldDecision cancel(ReservationCancelled cancelled, Optional<Instant> t) {
        if (late(cancelled.confirmBy(), t)) {
            return new FoldDecision.Voided();
        }
        var current = current(cancelled.reservationId(), t);
        if (current.isPresent() && stale(cancelled.ifVersion(), current.get())) {
            return new FoldDecision.Rejected(Reason.STALE, current.get());
        }
        if (current.isEmpty() || !countsAt(current.get(), t)) {
            return new FoldDecision.Unchanged(
                    "rule 8: reservation " + cancelled.reservationId() + " does not count here");
        }
        var reservation = current.get().apply(cancelled);
        repository.save(reservation);
        loads.countingAt(reservation.resourceId(), t).stop(reservation.id());
        applied.changed(cancelled.eventId(), reservation.slot().endsAt());
        return new FoldDecision.Cancelled(reservation);
    }

    /**
     * Forgets what ended {@link #FORGET_AFTER_END} before {@code logTime}: every record still to come is appended
     * after it, so by {@link RecordTimes#counts} nothing forgotten could count for it. Called by the log's single reader.
     */
    @Override
    public void logReached(Instant logTime) {
        Instant cutoff = logTime.minus(FORGET_AFTER_END);
        repository.removeEndedBy(cutoff); // walks only what ended since the last call
        if (!cutoff.isBefore(placementsForgottenUpTo.plus(FORGET_STEP))) {
            // A walk over every placement that made no reservation: at most once a minute of log time.
            placementsForgottenUpTo = cutoff;
            applied.forgetEndedBy(cutoff);
            loads.forgetUpTo(logTime);
        }
    }

    /**
     * Rule 7: a hold whose time has not run out by {@code t} becomes CONFIRMED; a CONFIRMED one stays as it is; anything
     * else is rejected (its hold expired, or it is no hold).
     */
    private FoldDecision confirm(ReservationConfirmed confirmed, Optional<Instant> t) {
        if (late(confirmed.confirmBy(), t)) {
            return new FoldDecision.Voided();
        }
        var current = current(confirmed.reservationId(), t);
        if (current.isEmpty()) {
            return new FoldDecision.Unchanged("rule 7: reservation " + confirmed.reservationId() + " is unknown here");
        }
        var reservation = current.get();
        if (stale(confirmed.ifVersion(), reservation)) {
            return new FoldDecision.Rejected(Reason.STALE, reservation);
        }
        switch (reservation.status()) {
            case CONFIRMED -> {
                return new FoldDecision.Unchanged("rule 7: reservation " + reservation.id() + " is CONFIRMED already");
            }
            case HELD -> {
                if (!countsAt(reservation, t)) {
                    return new FoldDecision.Rejected(Reason.EXPIRED, reservation);
                }
                var made = reservation.apply(confirmed);
                repository.save(made);
                loads.count(loads.countingAt(made.resourceId(), t), made);
                applied.changed(confirmed.eventId(), made.slot().endsAt());
                return new FoldDecision.Confirmed(made);
            }
            default -> {
                return new FoldDecision.Rejected(Reason.NOT_HELD, reservation);
            }
        }
    }

    /**
     * Rule 9: a reservation that counts at {@code t} takes its new slot and units if they fit with its old ones left
     * out; otherwise it stays exactly as it was.
     */
    private FoldDecision reschedule(ReservationRescheduled moved, Optional<Instant> t) {
        if (late(moved.confirmBy(), t)) {
            return new FoldDecision.Voided();
        }
        var current = current(moved.reservationId(), t);
        if (current.isEmpty()) {
            return new FoldDecision.Unchanged("rule 9: reservation " + moved.reservationId() + " is unknown here");
        }
        var reservation = current.get();
        if (stale(moved.ifVersion(), reservation)) {
            return new FoldDecision.Rejected(Reason.STALE, reservation);
        }
        if (!countsAt(reservation, t) || !reservation.resourceId().equals(moved.resourceId())) {
            return new FoldDecision.Unchanged("rule 9: reservation " + reservation.id() + " does not count");
        }
        var resource = loads.countingAt(reservation.resourceId(), t);
        resource.stop(reservation.id());
        if (!resource.fits(
                moved.slot(), moved.units(), resource(reservation.resourceId()).capacity())) {
            loads.count(resource, reservation);
            // Named: another reservation in the way, or none when its new units alone exceed the capacity.
            return loads.refusal(reservation.resourceId(), moved.slot(), moved.units(), resource, reservation.id());
        }
        var made = reservation.apply(moved);
        repository.save(made);
        loads.count(resource, made);
        applied.changed(moved.eventId(), made.slot().endsAt());
        return new FoldDecision.Moved(made);
    }

    /**
     * Rule 10: the new capacity applies if what counts at {@code t} fits it at every instant from {@code t} on;
     * otherwise the resource stays as it was, and the answer names the instant where the most units are taken.
     */
    private FoldDecision define(ResourceDefined defined, Optional<Instant> t) {
        if (late(defined.confirmBy(), t)) {
            return new FoldDecision.Voided();
        }
        var current = resource(defined.resourceId());
        if (defined.ifVersion().isPresent() && defined.ifVersion().get() != current.version()) {
            return new FoldDecision.ResourceRefused(Reason.STALE, current, defined.occurredAt(), 0); // rule 5
        }
        var peak = loads.countingAt(defined.resourceId(), t).peakFrom(t.orElse(Instant.MIN));
        if (peak.isPresent() && peak.get().getValue() > defined.capacity()) {
            return new FoldDecision.ResourceRefused(
                    Reason.CAPACITY, current, peak.get().getKey(), peak.get().getValue());
        }
        var made = defined.applyTo(current);
        loads.define(made);
        applied.changed(defined.eventId(), t.orElse(defined.occurredAt()));
        return new FoldDecision.Defined(made);
    }

    /** The resource as defined so far: one unit if nobody defined it. */
    Resource resource(ResourceId resourceId) {
        return loads.resource(resourceId);
    }

    /** The reservation as the fold holds it, while it still counts for an event of time {@code t} (rule 12). */
    private Optional<Reservation> current(ReservationId id, Optional<Instant> t) {
        return repository
                .findById(id)
                .filter(reservation -> counts(reservation.slot().endsAt(), t));
    }

    /** Rule 5: the writer's caller read another version ({@code If-Match}) than the reservation has by now. */
    private static boolean stale(Optional<Long> ifVersion, Reservation reservation) {
        return ifVersion.isPresent() && ifVersion.get() != reservation.version();
    }

    /** Whether the reservation takes its slot at {@code t} (always, for a CONFIRMED or HELD one, when unknown). */
    private static boolean countsAt(Reservation reservation, Optional<Instant> t) {
        return t.map(reservation::countsAt)
                .orElse(reservation.status() == ReservationStatus.CONFIRMED
                        || reservation.status() == ReservationStatus.HELD);
    }
}
