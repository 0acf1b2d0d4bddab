package io.github.reservekit.reservation.domain;

import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link Reservation} is, field by field, and how each of its events changes it: the placement makes it, a
 * change applied makes it one version later, a no-op leaves the very same state. Equal when every field is equal.
 */
record ReservationState(
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

    /** Version 1, CONFIRMED, or for a hold HELD until {@code recordedAt} plus its {@code holdFor}. */
    static ReservationState placed(ReservationPlaced event, Instant recordedAt) {
        return new ReservationState(
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

    /** This state with a later event of its own applied; itself when the event changes nothing. */
    ReservationState apply(ReservationEvent event) {
        return switch (event) {
            case ReservationPlaced placed ->
                throw new IllegalArgumentException("reservation " + id + " was already placed");
            case ReservationCancelled cancelled ->
                isActive()
                        ? changed(
                                details,
                                ReservationStatus.CANCELLED,
                                Optional.of(cancelled.occurredAt()),
                                Optional.empty(),
                                units)
                        : this;
            case ReservationRescheduled moved ->
                changed(
                        new ReservationDetails(
                                details.resourceId(), details.guestName(), details.partySize(), moved.slot()),
                        status,
                        cancelledAt,
                        holdExpiresAt,
                        moved.units());
            case ReservationConfirmed confirmed ->
                status == ReservationStatus.HELD
                        ? changed(details, ReservationStatus.CONFIRMED, cancelledAt, Optional.empty(), units)
                        : this;
            case ReservationRejected rejected -> this;
            case ResourceDefined defined -> this; // never reached: it is about no reservation
        };
    }

    /** As a reader sees it at {@code now}: a HELD one whose hold expired by then is EXPIRED (same version). */
    ReservationState asOf(Instant now) {
        if (status == ReservationStatus.HELD && !holdExpiresAt.orElseThrow().isAfter(now)) {
            return new ReservationState(
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

    /** CONFIRMED, or HELD with its hold not expired by {@code at}. */
    boolean countsAt(Instant at) {
        return status == ReservationStatus.CONFIRMED
                || (status == ReservationStatus.HELD
                        && holdExpiresAt.orElseThrow().isAfter(at));
    }

    /** CONFIRMED or HELD: not (yet) cancelled. */
    boolean isActive() {
        return status == ReservationStatus.CONFIRMED || status == ReservationStatus.HELD;
    }

    private ReservationState changed(
            ReservationDetails details,
            ReservationStatus status,
            Optional<Instant> cancelledAt,
            Optional<Instant> holdExpiresAt,
            int units) {
        return new ReservationState(
                id,
                details,
                status,
                createdAt,
                idempotencyKey,
                cancelledAt,
                version + 1,
                holdExpiresAt,
                units,
                placedBy);
    }
}
