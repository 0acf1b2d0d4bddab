package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.HasReservationDetails;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reservation was placed and holds its slot from now on.
 *
 * @param eventId unique per event
 * @param occurredAt when the reservation was placed; also its {@link #createdAt()}
 * @param reservationId the new reservation's id
 * @param details resource, guest, party size and slot
 * @param idempotencyKey the key the client sent, if any, so retries are recognised after a restart
 * @param confirmBy when the writer stops waiting for this event: appended later, the fold voids it (empty for
 *     events written before contract version 2, which are never void)
 * @param holdFor when present, a hold (contract version 3): the fold makes it HELD until the record's time plus this,
 *     after which it stops counting unless confirmed; empty: CONFIRMED at once
 * @param units how many units of its resource it takes (contract version 3): 1 to 10,000
 * @param placedBy the authenticated principal who placed it, when the host application has one: with
 *     {@code reservekit.owner-only} only it may cancel, confirm or move the reservation; it never changes
 */
public record ReservationPlaced(
        UUID eventId,
        Instant occurredAt,
        ReservationId reservationId,
        ReservationDetails details,
        Optional<IdempotencyKey> idempotencyKey,
        Optional<Instant> confirmBy,
        Optional<Duration> holdFor,
        int units,
        Optional<PrincipalName> placedBy)
        implements ReservationEvent, HasReservationDetails {

    public ReservationPlaced {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(confirmBy, "confirmBy");
        Objects.requireNonNull(holdFor, "holdFor");
        Resource.checkUnits(units);
        Objects.requireNonNull(placedBy, "placedBy");
    }

    /** This placement, recorded as placed by {@code placedBy} (empty: by no known principal). */
    public ReservationPlaced withPlacedBy(Optional<PrincipalName> placedBy) {
        return new ReservationPlaced(
                eventId, occurredAt, reservationId, details, idempotencyKey, confirmBy, holdFor, units, placedBy);
    }

    @Override
    public ResourceId resourceId() {
        return details.resourceId();
    }

    /** When the reservation was created: the same instant as {@link #occurredAt()}. */
    public Instant createdAt() {
        return occurredAt;
    }
}
