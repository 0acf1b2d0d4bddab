package io.github.reservekit.reservation.domain;

import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A new reservation being decided: what is asked for, the reservations of its resource it must fit with, and the
 * options of the placement; {@link #decide()} runs every check and returns the event that places it. Made by
 * {@link Reservation#placement}; unless set, a placement has no idempotency key and no {@code confirmBy}, is
 * CONFIRMED at once, takes one unit of a one-unit resource and records no principal.
 *
 * <p>Invariant enforced: the reservations that count when it is decided (CONFIRMED, or HELD and not expired) leave at
 * least its units of the resource's capacity free at every instant of its slot, given the caller passes every
 * reservation of the resource and serialises placements per resource (the application services do). Not
 * thread-safe: one caller fills it in and decides.
 */
public final class Placement {

    private final ReservationDetails details;
    private final Collection<Reservation> reservationsOfResource;
    private final Clock clock;
    private Optional<IdempotencyKey> idempotencyKey = Optional.empty();
    private Optional<Duration> confirmWithin = Optional.empty();
    private Optional<Duration> holdFor = Optional.empty();
    private int units = 1;
    private int capacity = 1;
    private Optional<PrincipalName> placedBy = Optional.empty();

    Placement(ReservationDetails details, Collection<Reservation> reservationsOfResource, Clock clock) {
        this.details = Objects.requireNonNull(details, "details");
        this.reservationsOfResource = Objects.requireNonNull(reservationsOfResource, "reservationsOfResource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The client's key, if any: carried in the event, so a retry is recognised after a restart. */
    public Placement idempotencyKey(Optional<IdempotencyKey> idempotencyKey) {
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return this;
    }

    /**
     * For a writer that waits at most {@code confirmWithin} for the log to decide: the event carries {@code confirmBy}
     * = now + that.
     */
    public Placement confirmWithin(Optional<Duration> confirmWithin) {
        this.confirmWithin = Objects.requireNonNull(confirmWithin, "confirmWithin");
        return this;
    }

    /** A hold when present (contract version 3): the fold makes it HELD until its record's time plus this. */
    public Placement holdFor(Optional<Duration> holdFor) {
        this.holdFor = Objects.requireNonNull(holdFor, "holdFor");
        return this;
    }

    /** Takes {@code units} of a resource that holds {@code capacity} (contract version 3); checked by {@link #decide}. */
    public Placement units(int units, int capacity) {
        this.units = units;
        this.capacity = capacity;
        return this;
    }

    /** Recorded as placed by this principal (empty: by no known principal). */
    public Placement placedBy(Optional<PrincipalName> placedBy) {
        this.placedBy = Objects.requireNonNull(placedBy, "placedBy");
        return this;
    }

    /**
     * Decides whether the reservation may be placed, and if so returns the event that places it.
     *
     * @return the event to publish, created now (by the clock, to the millisecond); {@link Reservation#placed} turns it
     *     into the reservation
     * @throws InvalidReservationException naming {@code startsAt} if the slot starts in the past
     * @throws CapacityExceededException when the units alone exceed the capacity
     * @throws ReservationConflictException naming one reservation in the way, when the reservations that count now
     *     would leave fewer than the units free at some instant of the slot
     * @throws IllegalArgumentException if the units are out of range, or the reservations passed hold another
     *     resource's reservation
     */
    public ReservationPlaced decide() {
        Resource.checkUnits(units);
        Instant now = Reservation.now(clock);
        if (details.slot().startsAt().isBefore(now)) {
            throw new InvalidReservationException("startsAt", "must not be in the past");
        }
        for (Reservation existing : reservationsOfResource) {
            if (!existing.resourceId().equals(details.resourceId())) {
                throw new IllegalArgumentException(
                        "reservation " + existing.id() + " is not of resource " + details.resourceId());
            }
        }
        if (units > capacity) {
            throw new CapacityExceededException(
                    details.resourceId(), capacity, details.slot().startsAt(), units);
        }
        var inTheWay = reservationsOfResource.stream()
                .filter(existing -> existing.countsAt(now) && existing.slot().overlaps(details.slot()))
                .toList();
        if (!inTheWay.isEmpty()) {
            var load = new LoadLevels();
            inTheWay.forEach(existing ->
                    load.add(existing.slot().startsAt(), existing.slot().endsAt(), existing.units()));
            if (load.maxOver(details.slot().startsAt(), details.slot().endsAt()) + units > capacity) {
                var conflict = inTheWay.getFirst();
                throw new ReservationConflictException(
                        details.resourceId(), details.slot(), conflict.id(), conflict.slot());
            }
        }
        return new ReservationPlaced(
                UUID.randomUUID(),
                now,
                ReservationId.random(),
                details,
                idempotencyKey,
                confirmWithin.map(now::plus),
                holdFor,
                units,
                placedBy);
    }
}
