package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Duration;
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
 * @param holdFor when present (1 second to 1 hour), a hold: HELD until the log's time of its event plus this, unless
 *     confirmed (contract version 3); empty: CONFIRMED at once
 * @param units how many units of the resource it takes (contract version 3): 1 to 10,000
 * @param placedBy the authenticated caller, when the host application has one: recorded on the placed event, and with
 *     {@code reservekit.owner-only} the only principal that may change the reservation afterwards
 */
public record PlaceReservationCommand(
        ReservationDetails details,
        Optional<IdempotencyKey> idempotencyKey,
        Optional<Duration> holdFor,
        int units,
        Optional<PrincipalName> placedBy) {

    /** The shortest hold. */
    public static final Duration MIN_HOLD = Duration.ofSeconds(1);

    /** The longest hold. */
    public static final Duration MAX_HOLD = Duration.ofHours(1);

    /** @throws InvalidReservationException naming {@code holdFor} or {@code units} when out of range */
    public PlaceReservationCommand {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(holdFor, "holdFor");
        Objects.requireNonNull(placedBy, "placedBy");
        if (holdFor.isPresent()
                && (holdFor.get().compareTo(MIN_HOLD) < 0 || holdFor.get().compareTo(MAX_HOLD) > 0)) {
            throw new InvalidReservationException("holdFor", "must be 1 second to 1 hour, e.g. PT10M");
        }
        Resource.checkUnits(units);
    }

    /** {@code units} by no known principal. */
    public PlaceReservationCommand(
            ReservationDetails details,
            Optional<IdempotencyKey> idempotencyKey,
            Optional<Duration> holdFor,
            int units) {
        this(details, idempotencyKey, holdFor, units, Optional.empty());
    }

    /** One unit, CONFIRMED at once or (with {@code holdFor}) a hold, by no known principal. */
    public PlaceReservationCommand(
            ReservationDetails details, Optional<IdempotencyKey> idempotencyKey, Optional<Duration> holdFor) {
        this(details, idempotencyKey, holdFor, 1, Optional.empty());
    }

    /** A placement CONFIRMED at once. */
    public PlaceReservationCommand(ReservationDetails details, Optional<IdempotencyKey> idempotencyKey) {
        this(details, idempotencyKey, Optional.empty());
    }

    /** A command without an idempotency key. */
    public static PlaceReservationCommand of(ResourceId resourceId, GuestName guest, PartySize size, TimeSlot slot) {
        return new PlaceReservationCommand(new ReservationDetails(resourceId, guest, size, slot), Optional.empty());
    }

    /** A command with the given idempotency key. */
    public PlaceReservationCommand withIdempotencyKey(IdempotencyKey key) {
        return new PlaceReservationCommand(details, Optional.of(key), holdFor, units, placedBy);
    }

    /** This command, made by {@code placedBy} (empty: by no known principal). */
    public PlaceReservationCommand withPlacedBy(Optional<PrincipalName> placedBy) {
        return new PlaceReservationCommand(details, idempotencyKey, holdFor, units, placedBy);
    }
}
