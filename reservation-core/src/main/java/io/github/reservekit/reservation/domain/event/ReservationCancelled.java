package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A confirmed reservation was cancelled; its slot is free again.
 *
 * @param eventId unique per event
 * @param occurredAt when the reservation was cancelled; also its {@link #cancelledAt()}
 * @param reservationId the cancelled reservation
 * @param resourceId its resource
 * @param confirmBy when the writer stops waiting for this event: appended later, the fold voids it (empty for
 *     events written before contract version 2)
 * @param ifVersion the version the writer's caller read ({@code If-Match}): the fold refuses the cancellation when
 *     the reservation's version differs by then (contract version 3); empty: unconditional
 */
public record ReservationCancelled(
        UUID eventId,
        Instant occurredAt,
        ReservationId reservationId,
        ResourceId resourceId,
        Optional<Instant> confirmBy,
        Optional<Long> ifVersion)
        implements ReservationEvent {

    public ReservationCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(confirmBy, "confirmBy");
        Objects.requireNonNull(ifVersion, "ifVersion");
    }

    /** When the reservation was cancelled: the same instant as {@link #occurredAt()}. */
    public Instant cancelledAt() {
        return occurredAt;
    }
}
