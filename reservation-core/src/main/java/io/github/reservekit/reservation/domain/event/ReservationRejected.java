package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The fold rejected a placement (CONTRACT.md section 2): published by its writer once it learned, so that a plain
 * reader of the topic sees that reservation end. The fold itself never needs it; applying it changes nothing.
 *
 * @param eventId unique per event
 * @param occurredAt when the writer learned it
 * @param reservationId the reservation that was not made
 * @param resourceId its resource
 * @param reason why
 * @param conflictingReservationId the reservation that stands, for {@link Reason#OVERLAP} and
 *     {@link Reason#DUPLICATE}
 */
public record ReservationRejected(
        UUID eventId,
        Instant occurredAt,
        ReservationId reservationId,
        ResourceId resourceId,
        Reason reason,
        Optional<ReservationId> conflictingReservationId)
        implements ReservationEvent {

    /** Why the fold rejected a placement. */
    public enum Reason {
        /** Its slot overlaps a reservation of the resource that was CONFIRMED before it. */
        OVERLAP,
        /** An earlier placement of the resource holds its idempotency key. */
        DUPLICATE,
        /** It was appended after its {@code confirmBy}: its writer had given up. */
        LATE,
        /**
         * It carried {@code ifVersion} (the client's {@code If-Match}) and the reservation had another version by
         * then (contract version 3): someone changed it since the client read it.
         */
        STALE,
        /** A confirmation reached the log at or after its hold expired (contract version 3). */
        EXPIRED,
        /** A confirmation of a reservation that is no hold: cancelled, or never placed (contract version 3). */
        NOT_HELD,
        /**
         * It would take more units than its resource holds at some instant (contract version 3): a placement or move
         * asking for more than the capacity, or a capacity below what counting reservations take.
         */
        CAPACITY
    }

    public ReservationRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(conflictingReservationId, "conflictingReservationId");
    }
}
