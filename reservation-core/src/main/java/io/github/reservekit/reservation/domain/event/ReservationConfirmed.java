package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A held reservation was confirmed (CONTRACT.md version 3, section 4.2): the fold makes it CONFIRMED if its hold had
 * not expired by the record's time.
 *
 * @param eventId unique per event
 * @param occurredAt when it was confirmed; also its {@link #confirmedAt()}
 * @param reservationId the held reservation
 * @param resourceId its resource
 * @param confirmBy when the writer stops waiting for this event: appended later, the fold voids it
 * @param ifVersion the version the writer's caller read ({@code If-Match}); empty: unconditional
 */
public record ReservationConfirmed(
        UUID eventId,
        Instant occurredAt,
        ReservationId reservationId,
        ResourceId resourceId,
        Optional<Instant> confirmBy,
        Optional<Long> ifVersion)
        implements ReservationEvent {

    public ReservationConfirmed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(confirmBy, "confirmBy");
        Objects.requireNonNull(ifVersion, "ifVersion");
    }

    /** When the hold was confirmed: the same instant as {@link #occurredAt()}. */
    public Instant confirmedAt() {
        return occurredAt;
    }
}
