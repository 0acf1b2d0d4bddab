package io.github.reservekit.reservation.domain;

import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservation aggregate: one resource booked for one slot for one guest.
 *
 * <p>Immutable: a decision returns the event it causes ({@link #place}, {@link #cancel}), and the new state is
 * that event applied ({@link #placed}, {@link #apply}). So what is published and what is kept can never
 * disagree, and a reservation can be rebuilt from its published events ({@link #restore}).
 *
 * <p>Invariant enforced by {@link #place} (see {@link Placement}): two CONFIRMED reservations of one resource never
 * overlap, given the caller passes every reservation of the resource and serialises placements per resource (the
 * application services do).
 *
 * <p>Thread-safe (immutable). Equal when every field is equal.
 */
public final class Reservation implements HasReservationDetails {

    private final ReservationState state;

    private Reservation(ReservationState state) {
        this.state = state;
    }

    /**
     * Decides whether a new reservation may be placed, and if so returns the event that places it: a
     * {@link #placement} with no option but the idempotency key.
     *
     * @param details what is asked for
     * @param idempotencyKey the client's key, if any; it is carried in the event
     * @param reservationsOfResource every known reservation of {@code details.resourceId()}, any status
     * @param clock the service's clock; its instant is the creation time (to the millisecond)
     * @return the event to publish; {@link #placed} turns it into the reservation
     * @throws InvalidReservationException naming {@code startsAt} if the slot starts in the past
     * @throws ReservationConflictException if the slot overlaps a CONFIRMED reservation of the resource
     * @throws IllegalArgumentException if {@code reservationsOfResource} holds another resource's reservation
     */
    public static ReservationPlaced place(
            ReservationDetails details,
            Optional<IdempotencyKey> idempotencyKey,
            Collection<Reservation> reservationsOfResource,
            Clock clock) {
        return placement(details, reservationsOfResource, clock)
                .idempotencyKey(idempotencyKey)
                .decide();
    }

    /**
     * As {@link #place(ReservationDetails, Optional, Collection, Clock)}, for a writer that waits at most
     * {@code confirmWithin} for the topic to decide: the event carries {@code confirmBy} = now + that.
     */
    public static ReservationPlaced place(
            ReservationDetails details,
            Optional<IdempotencyKey> idempotencyKey,
            Collection<Reservation> reservationsOfResource,
            Clock clock,
            Optional<Duration> confirmWithin) {
        return placement(details, reservationsOfResource, clock)
                .idempotencyKey(idempotencyKey)
                .confirmWithin(confirmWithin)
                .decide();
    }

    /**
     * A new reservation of {@code details} to decide against {@code reservationsOfResource} (every known reservation of
     * its resource, any status) at the instant of {@code clock}: set its options, then {@link Placement#decide()}.
     */
    public static Placement placement(
            ReservationDetails details, Collection<Reservation> reservationsOfResource, Clock clock) {
        return new Placement(details, reservationsOfResource, clock);
    }

    /** The reservation a placed event created, created when the event occurred, as if recorded then. */
    public static Reservation placed(ReservationPlaced event) {
        return placed(event, event.occurredAt());
    }

    /**
     * The reservation a placed event recorded at {@code recordedAt} created: CONFIRMED, or for a hold HELD until
     * {@code recordedAt} plus its {@code holdFor}.
     */
    public static Reservation placed(ReservationPlaced event, Instant recordedAt) {
        return new Reservation(ReservationState.placed(event, recordedAt));
    }

    /**
     * Rebuilds a reservation from its events, oldest first.
     *
     * @throws IllegalArgumentException if the history is empty, does not start with a placement, or holds
     *     another reservation's event
     */
    public static Reservation restore(List<? extends ReservationEvent> history) {
        if (history.isEmpty() || !(history.getFirst() instanceof ReservationPlaced first)) {
            throw new IllegalArgumentException("a reservation's history starts with its placement");
        }
        Reservation reservation = placed(first);
        for (ReservationEvent event : history.subList(1, history.size())) {
            reservation = reservation.apply(event);
        }
        return reservation;
    }

    /**
     * Decides to cancel this reservation.
     *
     * @return the event to publish; {@link #apply} turns it into the cancelled reservation
     * @throws IllegalStateException if the reservation is already cancelled (cancelling twice is the
     *     application's idempotent no-op, never a second event)
     */
    public ReservationCancelled cancel(Clock clock) {
        return cancel(clock, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #cancel(Clock)}, with {@code confirmBy} = now + {@code confirmWithin} in the event, made only if the
     * reservation still has version {@code ifVersion} when the log decides (the client's {@code If-Match}).
     */
    public ReservationCancelled cancel(Clock clock, Optional<Duration> confirmWithin, Optional<Long> ifVersion) {
        if (!state.isActive()) {
            throw new IllegalStateException("reservation " + id() + " is already cancelled");
        }
        Instant now = now(clock);
        return new ReservationCancelled(
                UUID.randomUUID(), now, id(), resourceId(), confirmWithin.map(now::plus), ifVersion);
    }

    /**
     * Decides to confirm this hold: the event, which the fold applies only if the hold has not expired by its
     * record's time ({@code ifVersion}: only if the reservation still has that version then).
     *
     * @throws IllegalStateException if it is not HELD
     */
    public ReservationConfirmed confirm(Clock clock, Optional<Duration> confirmWithin, Optional<Long> ifVersion) {
        if (state.status() != ReservationStatus.HELD) {
            throw new IllegalStateException("reservation " + id() + " is " + state.status() + ", not HELD");
        }
        Instant now = now(clock);
        return new ReservationConfirmed(
                UUID.randomUUID(), now, id(), resourceId(), confirmWithin.map(now::plus), ifVersion);
    }

    /**
     * Decides to move or resize this reservation on its resource: the event, which the fold applies only if the
     * resource can take the new slot and units with the old ones left out ({@code ifVersion}: only if the
     * reservation still has that version then).
     *
     * @throws InvalidReservationException naming {@code startsAt} if the new slot starts in the past
     * @throws IllegalArgumentException if {@code units} is out of range
     */
    public ReservationRescheduled reschedule(
            Clock clock, Optional<Duration> confirmWithin, TimeSlot slot, int units, Optional<Long> ifVersion) {
        Instant now = now(clock);
        if (slot.startsAt().isBefore(now)) {
            throw new InvalidReservationException("startsAt", "must not be in the past");
        }
        return new ReservationRescheduled(
                UUID.randomUUID(), now, id(), resourceId(), slot, units, confirmWithin.map(now::plus), ifVersion);
    }

    /**
     * This reservation with a later event of its own applied.
     *
     * @throws IllegalArgumentException if the event is another reservation's, or a second placement
     */
    public Reservation apply(ReservationEvent event) {
        if (!event.reservationIdIfAny().equals(Optional.of(id()))) {
            throw new IllegalArgumentException("event " + event.eventId() + " is not one of reservation " + id());
        }
        var next = state.apply(event);
        return next == state ? this : new Reservation(next);
    }

    /** The clock's instant to the millisecond: what events carry. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public ReservationId id() {
        return state.id();
    }

    @Override
    public ReservationDetails details() {
        return state.details();
    }

    public ReservationStatus status() {
        return state.status();
    }

    public boolean isConfirmed() {
        return state.status() == ReservationStatus.CONFIRMED;
    }

    public Instant createdAt() {
        return state.createdAt();
    }

    /** The key the reservation was placed with, if the client sent one. */
    public Optional<IdempotencyKey> idempotencyKey() {
        return state.idempotencyKey();
    }

    /**
     * The authenticated principal who placed it, as its placed event recorded; empty when there was none. Never
     * changes after placement, so a writer may check it on its own caught-up view ({@code reservekit.owner-only}).
     */
    public Optional<PrincipalName> placedBy() {
        return state.placedBy();
    }

    /** How many units of its resource it takes: 1 unless resized (contract version 3). */
    public int units() {
        return state.units();
    }

    /**
     * Whether it takes its slot at {@code at}: CONFIRMED, or HELD with its hold not expired by then (contract
     * version 3).
     */
    public boolean countsAt(Instant at) {
        return state.countsAt(at);
    }

    /** This reservation as a reader sees it at {@code now}: a HELD one whose hold expired by then is EXPIRED. */
    public Reservation asOf(Instant now) {
        var seen = state.asOf(now);
        return seen == state ? this : new Reservation(seen);
    }

    /** When a hold stops counting unless confirmed; empty for a reservation that is not a hold. */
    public Optional<Instant> holdExpiresAt() {
        return state.holdExpiresAt();
    }

    /**
     * 1 when placed, one more for each change the fold applied (contract version 3): what {@code ETag} and
     * {@code If-Match} carry.
     */
    public long version() {
        return state.version();
    }

    /** When it was cancelled; empty while CONFIRMED. */
    public Optional<Instant> cancelledAt() {
        return state.cancelledAt();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reservation other && state.equals(other.state);
    }

    @Override
    public int hashCode() {
        return state.hashCode();
    }

    @Override
    public String toString() {
        return "Reservation[id=" + id() + ", resourceId=" + resourceId() + ", slot=" + slot().startsAt() + "/"
                + slot().endsAt() + ", partySize=" + partySize() + ", status=" + status() + ", version=" + version()
                + "]";
    }
}
