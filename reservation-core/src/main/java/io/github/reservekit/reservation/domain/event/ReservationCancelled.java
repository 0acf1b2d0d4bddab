package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A confirmed reservation was cancelled; its slot is free again.
 *
 * @param eventId unique per event
 * @param occurredAt when the reservation was cancelled; also its {@link #cancelledAt()}
 * @param reservationId the cancelled reservation
 * @param resourceId its resource
 */
public record ReservationCancelled(UUID eventId, Instant occurredAt, ReservationId reservationId, ResourceId resourceId)
        implements ReservationEvent {

    public ReservationCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(resourceId, "resourceId");
    }

    /** When the reservation was cancelled: the same instant as {@link #occurredAt()}. */
    public Instant cancelledAt() {
        return occurredAt;
    }
}
