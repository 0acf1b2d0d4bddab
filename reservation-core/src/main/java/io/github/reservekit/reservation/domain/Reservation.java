package io.github.reservekit.reservation.domain;

import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The reservation aggregate: one resource booked for one slot for one guest.
 *
 * <p>Immutable: a decision returns the event it causes ({@link #place}, {@link #cancel}), and the new state is
 * that event applied ({@link #placed}, {@link #apply}). So what is published and what is kept can never
 * disagree, and a reservation can be rebuilt from its published events ({@link #restore}).
 *
 * <p>Invariant enforced by {@link #place}: two CONFIRMED reservations of one resource never overlap, given the
 * caller passes every reservation of the resource and serialises placements per resource (the application
 * services do).
 *
 * <p>Thread-safe (immutable). Equal when every field is equal.
 */
public final class Reservation {

    private final ReservationId id;
    private final ReservationDetails details;
    private final ReservationStatus status;
    private final Instant createdAt;
    private final Optional<IdempotencyKey> idempotencyKey;
    private final Optional<Instant> cancelledAt;
    private final long version;
    private final Optional<Instant> holdExpiresAt;
    private final int units;
    private final Optional<PrincipalName> placedBy;

    private Reservation(
            ReservationId id,
            ReservationDetails details,
            ReservationStatus status,
            Instant createdAt,
            Optional<IdempotencyKey> idempotencyKey,
            Optional<Instant> cancelledAt,
            long version,
            Optional<Instant> holdExpiresAt,
            int units,
            Optional<PrincipalName> placedBy) {
        this.id = id;
        this.details = details;
        this.status = status;
        this.createdAt = createdAt;
        this.idempotencyKey = idempotencyKey;
        this.cancelledAt = cancelledAt;
        this.version = version;
        this.holdExpiresAt = holdExpiresAt;
        this.units = units;
        this.placedBy = placedBy;
    }

    /**
     * Decides whether a new reservation may be placed, and if so returns the event that places it.
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
        return place(details, idempotencyKey, reservationsOfResource, clock, Optional.empty());
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
        return place(details, idempotencyKey, reservationsOfResource, clock, confirmWithin, Optional.empty());
    }

    /**
     * As {@link #place(ReservationDetails, Optional, Collection, Clock, Optional)}, as a hold when {@code holdFor} is
     * present (contract version 3): the fold makes it HELD until its record's time plus {@code holdFor}.
     */
    public static ReservationPlaced place(
            ReservationDetails details,
            Optional<IdempotencyKey> idempotencyKey,
            Collection<Reservation> reservationsOfResource,
            Clock clock,
            Optional<Duration> confirmWithin,
            Optional<Duration> holdFor) {
        return place(details, idempotencyKey, reservationsOfResource, clock, confirmWithin, holdFor, 1, 1);
    }

    /**
     * As {@link #place(ReservationDetails, Optional, Collection, Clock, Optional, Optional)}, taking {@code units} of
     * a resource that holds {@code capacity} (contract version 3): refused when the reservations that count now
     * would leave fewer than {@code units} free at some instant of the slot.
     *
     * @throws ReservationConflictException naming one reservation in the way
     * @throws CapacityExceededException when {@code units} alone exceed {@code capacity}
     */
    public static ReservationPlaced place(
            ReservationDetails details,
            Optional<IdempotencyKey> idempotencyKey,
            Collection<Reservation> reservationsOfResource,
            Clock clock,
            Optional<Duration> confirmWithin,
            Optional<Duration> holdFor,
            int units,
            int capacity) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(holdFor, "holdFor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Resource.checkUnits(units);
        Instant now = now(clock);
        if (details.slot().startsAt().isBefore(now)) {
            throw new InvalidReservationException("startsAt", "must not be in the past");
        }
        for (Reservation existing : reservationsOfResource) {
            if (!existing.resourceId().equals(details.resourceId())) {
                throw new IllegalArgumentException(
                        "reservation " + existing.id + " is not of resource " + details.resourceId());
            }
        }
        if (units > capacity) {
            throw new CapacityExceededException(
                    details.resourceId(), capacity, details.slot().startsAt(), units);
        }
        var inTheWay = reservationsOfResource.stream()
                .filter(existing -> existing.countsAt(now) && existing.slot().overlaps(details.slot()))
                .toList();
        if (!inTheWay.isEmpty() && peakLoad(inTheWay, details.slot()) + units > capacity) {
            var conflict = inTheWay.getFirst();
            throw new ReservationConflictException(details.resourceId(), details.slot(), conflict.id, conflict.slot());
        }
        return new ReservationPlaced(
                UUID.randomUUID(),
                now,
                ReservationId.random(),
                details,
                idempotencyKey,
                confirmWithin.map(now::plus),
                holdFor,
                units);
    }

    /** The most units {@code overlapping} take together at any instant of {@code slot}: a sweep over their ends. */
    private static int peakLoad(List<Reservation> overlapping, TimeSlot slot) {
        var changes = new TreeMap<Instant, Integer>();
        for (Reservation reservation : overlapping) {
            Instant from = reservation.slot().startsAt().isBefore(slot.startsAt())
                    ? slot.startsAt()
                    : reservation.slot().startsAt();
            changes.merge(from, reservation.units, Integer::sum);
            changes.merge(reservation.slot().endsAt(), -reservation.units, Integer::sum);
        }
        int load = 0;
        int peak = 0;
        for (int change : changes.values()) {
            load += change;
            peak = Math.max(peak, load);
        }
        return peak;
    }

    /**
     * The first reservation among {@code reservationsOfResource} that counts at {@code at} (CONFIRMED, or HELD and not
     * expired) and whose slot overlaps {@code slot}: the rule that keeps one resource from being booked twice.
     */
    public static Optional<Reservation> findConflict(
            TimeSlot slot, Collection<Reservation> reservationsOfResource, Instant at) {
        return reservationsOfResource.stream()
                .filter(existing -> existing.countsAt(at) && existing.slot().overlaps(slot))
                .findFirst();
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
        return new Reservation(
                event.reservationId(),
                event.details(),
                event.holdFor().isPresent() ? ReservationStatus.HELD : ReservationStatus.CONFIRMED,
                event.occurredAt(),
                event.idempotencyKey(),
                Optional.empty(),
                1,
                event.holdFor().map(recordedAt::plus),
                event.units(),
                event.placedBy());
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
        return cancel(clock, Optional.empty());
    }

    /** As {@link #cancel(Clock)}, with {@code confirmBy} = now + {@code confirmWithin} in the event. */
    public ReservationCancelled cancel(Clock clock, Optional<Duration> confirmWithin) {
        return cancel(clock, confirmWithin, Optional.empty());
    }

    /**
     * As {@link #cancel(Clock, Optional)}, made only if the reservation still has version {@code ifVersion} when the
     * log decides (the client's {@code If-Match}).
     */
    public ReservationCancelled cancel(Clock clock, Optional<Duration> confirmWithin, Optional<Long> ifVersion) {
        if (status != ReservationStatus.CONFIRMED && status != ReservationStatus.HELD) {
            throw new IllegalStateException("reservation " + id + " is already cancelled");
        }
        Instant now = now(clock);
        return new ReservationCancelled(
                UUID.randomUUID(), now, id, resourceId(), confirmWithin.map(now::plus), ifVersion);
    }

    /**
     * This reservation with a later event of its own applied.
     *
     * @throws IllegalArgumentException if the event is another reservation's, or a second placement
     */
    public Reservation apply(ReservationEvent event) {
        if (!event.reservationIdIfAny().equals(Optional.of(id))) {
            throw new IllegalArgumentException("event " + event.eventId() + " is not one of reservation " + id);
        }
        return switch (event) {
            case ReservationPlaced placed ->
                throw new IllegalArgumentException("reservation " + id + " was already placed");
            case ReservationCancelled cancelled ->
                status == ReservationStatus.CONFIRMED || status == ReservationStatus.HELD
                        ? new Reservation(
                                id,
                                details,
                                ReservationStatus.CANCELLED,
                                createdAt,
                                idempotencyKey,
                                Optional.of(cancelled.occurredAt()),
                                version + 1,
                                Optional.empty(),
                                units,
                                placedBy)
                        : this;
            case ReservationRescheduled rescheduled ->
                new Reservation(
                        id,
                        new ReservationDetails(
                                details.resourceId(), details.guestName(), details.partySize(), rescheduled.slot()),
                        status,
                        createdAt,
                        idempotencyKey,
                        cancelledAt,
                        version + 1,
                        holdExpiresAt,
                        rescheduled.units(),
                        placedBy);
            case ReservationConfirmed confirmed ->
                status == ReservationStatus.HELD
                        ? new Reservation(
                                id,
                                details,
                                ReservationStatus.CONFIRMED,
                                createdAt,
                                idempotencyKey,
                                cancelledAt,
                                version + 1,
                                Optional.empty(),
                                units,
                                placedBy)
                        : this;
            case ReservationRejected rejected -> this;
            case ResourceDefined defined -> this; // never reached: it is about no reservation
        };
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public ReservationId id() {
        return id;
    }

    public ReservationDetails details() {
        return details;
    }

    public ResourceId resourceId() {
        return details.resourceId();
    }

    public GuestName guestName() {
        return details.guestName();
    }

    public PartySize partySize() {
        return details.partySize();
    }

    public TimeSlot slot() {
        return details.slot();
    }

    public ReservationStatus status() {
        return status;
    }

    public boolean isConfirmed() {
        return status == ReservationStatus.CONFIRMED;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The key the reservation was placed with, if the client sent one. */
    public Optional<IdempotencyKey> idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Decides to confirm this hold: the event, which the fold applies only if the hold has not expired by its
     * record's time ({@code ifVersion}: only if the reservation still has that version then).
     *
     * @throws IllegalStateException if it is not HELD
     */
    public ReservationConfirmed confirm(Clock clock, Optional<Duration> confirmWithin, Optional<Long> ifVersion) {
        if (status != ReservationStatus.HELD) {
            throw new IllegalStateException("reservation " + id + " is " + status + ", not HELD");
        }
        Instant now = now(clock);
        return new ReservationConfirmed(
                UUID.randomUUID(), now, id, resourceId(), confirmWithin.map(now::plus), ifVersion);
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
                UUID.randomUUID(), now, id, resourceId(), slot, units, confirmWithin.map(now::plus), ifVersion);
    }

    /**
     * The authenticated principal who placed it, as its placed event recorded; empty when there was none. Never
     * changes after placement, so a writer may check it on its own caught-up view ({@code reservekit.owner-only}).
     */
    public Optional<PrincipalName> placedBy() {
        return placedBy;
    }

    /** How many units of its resource it takes: 1 unless resized (contract version 3). */
    public int units() {
        return units;
    }

    /**
     * Whether it takes its slot at {@code at}: CONFIRMED, or HELD with its hold not expired by then (contract
     * version 3).
     */
    public boolean countsAt(Instant at) {
        return status == ReservationStatus.CONFIRMED
                || (status == ReservationStatus.HELD
                        && holdExpiresAt.orElseThrow().isAfter(at));
    }

    /** This reservation as a reader sees it at {@code now}: a HELD one whose hold expired by then is EXPIRED. */
    public Reservation asOf(Instant now) {
        if (status == ReservationStatus.HELD && !holdExpiresAt.orElseThrow().isAfter(now)) {
            return new Reservation(
                    id,
                    details,
                    ReservationStatus.EXPIRED,
                    createdAt,
                    idempotencyKey,
                    cancelledAt,
                    version,
                    holdExpiresAt,
                    units,
                    placedBy);
        }
        return this;
    }

    /** When a hold stops counting unless confirmed; empty for a reservation that is not a hold. */
    public Optional<Instant> holdExpiresAt() {
        return holdExpiresAt;
    }

    /**
     * 1 when placed, one more for each change the fold applied (contract version 3): what {@code ETag} and
     * {@code If-Match} carry.
     */
    public long version() {
        return version;
    }

    /** When it was cancelled; empty while CONFIRMED. */
    public Optional<Instant> cancelledAt() {
        return cancelledAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reservation other
                && id.equals(other.id)
                && details.equals(other.details)
                && status == other.status
                && createdAt.equals(other.createdAt)
                && idempotencyKey.equals(other.idempotencyKey)
                && cancelledAt.equals(other.cancelledAt)
                && version == other.version
                && holdExpiresAt.equals(other.holdExpiresAt)
                && units == other.units
                && placedBy.equals(other.placedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id, details, status, createdAt, idempotencyKey, cancelledAt, version, holdExpiresAt, units, placedBy);
    }

    @Override
    public String toString() {
        return "Reservation[id=" + id + ", resourceId=" + resourceId() + ", slot=" + slot().startsAt() + "/"
                + slot().endsAt() + ", partySize=" + partySize() + ", status=" + status + ", version=" + version + "]";
    }
}
