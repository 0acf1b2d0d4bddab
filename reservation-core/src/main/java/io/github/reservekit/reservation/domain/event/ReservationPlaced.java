package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
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
 */
public record ReservationPlaced(
        UUID eventId,
        Instant occurredAt,
        ReservationId reservationId,
        ReservationDetails details,
        Optional<IdempotencyKey> idempotencyKey)
        implements ReservationEvent {

    public ReservationPlaced {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    @Override
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

    /** When the reservation was created: the same instant as {@link #occurredAt()}. */
    public Instant createdAt() {
        return occurredAt;
    }
}
