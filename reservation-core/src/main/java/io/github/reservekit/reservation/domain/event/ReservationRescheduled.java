package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reservation was moved or resized on its own resource (CONTRACT.md version 3, section 4.2): the fold gives it the
 * new slot and units if the resource can take them with its old slot left out, atomically, or leaves it as it was.
 *
 * @param eventId unique per event
 * @param occurredAt when it was asked for; also its {@link #rescheduledAt()}
 * @param reservationId the reservation moved
 * @param resourceId its resource (a move never changes it)
 * @param slot the new slot
 * @param units the units it takes from then on (1 to 10,000)
 * @param confirmBy when the writer stops waiting for this event: appended later, the fold voids it
 * @param ifVersion the version the writer's caller read ({@code If-Match}); empty: unconditional
 */
public record ReservationRescheduled(
        UUID eventId,
        Instant occurredAt,
        ReservationId reservationId,
        ResourceId resourceId,
        TimeSlot slot,
        int units,
        Optional<Instant> confirmBy,
        Optional<Long> ifVersion)
        implements ReservationEvent {

    public ReservationRescheduled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(slot, "slot");
        if (units < 1 || units > 10_000) {
            throw new IllegalArgumentException("units must be 1 to 10000, was " + units);
        }
        Objects.requireNonNull(confirmBy, "confirmBy");
        Objects.requireNonNull(ifVersion, "ifVersion");
    }

    /** When the move was asked for: the same instant as {@link #occurredAt()}. */
    public Instant rescheduledAt() {
        return occurredAt;
    }
}
