package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to place a reservation, made of values that have already checked their own rules. Turning a
 * client's text (JSON fields, headers) into these values is the job of the edge that received it, for the HTTP
 * API {@code reservation-http}.
 *
 * @param details what is asked for
 * @param idempotencyKey the client's key, if any: the same key with the same details returns the same
 *     reservation instead of placing a second one
 */
public record PlaceReservationCommand(ReservationDetails details, Optional<IdempotencyKey> idempotencyKey) {

    public PlaceReservationCommand {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A command without an idempotency key. */
    public static PlaceReservationCommand of(ResourceId resourceId, GuestName guest, PartySize size, TimeSlot slot) {
        return new PlaceReservationCommand(new ReservationDetails(resourceId, guest, size, slot), Optional.empty());
    }

    /** A command with the given idempotency key. */
    public PlaceReservationCommand withIdempotencyKey(IdempotencyKey key) {
        return new PlaceReservationCommand(details, Optional.of(key));
    }
}
