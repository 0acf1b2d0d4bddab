package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request to place a reservation.
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

    /**
     * Builds a command from raw request values, checking every field and reporting every violation at once.
     *
     * @param startsAt RFC 3339, e.g. {@code 2026-12-01T19:00:00Z}
     * @param endsAt RFC 3339
     * @param idempotencyKey may be {@code null}: no key
     * @throws InvalidReservationException listing each field that breaks a rule
     */
    public static PlaceReservationCommand of(
            String resourceId,
            String guestName,
            Integer partySize,
            String startsAt,
            String endsAt,
            String idempotencyKey) {
        var violations = new ArrayList<FieldViolation>();
        var resource = check(violations, () -> new ResourceId(resourceId));
        var guest = check(violations, () -> new GuestName(guestName));
        var size = check(violations, () -> PartySize.of(partySize));
        var start = check(violations, () -> TimeSlot.parseInstant("startsAt", startsAt));
        var end = check(violations, () -> TimeSlot.parseInstant("endsAt", endsAt));
        var slot = start != null && end != null ? check(violations, () -> new TimeSlot(start, end)) : null;
        var key = idempotencyKey == null
                ? Optional.<IdempotencyKey>empty()
                : Optional.ofNullable(check(violations, () -> new IdempotencyKey(idempotencyKey)));
        if (!violations.isEmpty()) {
            throw new InvalidReservationException(violations);
        }
        return new PlaceReservationCommand(new ReservationDetails(resource, guest, size, slot), key);
    }

    /** A command without an idempotency key. */
    public static PlaceReservationCommand of(ResourceId resourceId, GuestName guest, PartySize size, TimeSlot slot) {
        return new PlaceReservationCommand(new ReservationDetails(resourceId, guest, size, slot), Optional.empty());
    }

    /** A command with the given idempotency key. */
    public PlaceReservationCommand withIdempotencyKey(IdempotencyKey key) {
        return new PlaceReservationCommand(details, Optional.of(key));
    }

    private static <T> T check(List<FieldViolation> violations, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidReservationException invalid) {
            violations.addAll(invalid.violations());
            return null;
        }
    }

    /** Convenience for callers holding instants rather than text. */
    public static PlaceReservationCommand of(
            String resourceId, String guestName, int partySize, Instant startsAt, Instant endsAt) {
        return of(resourceId, guestName, partySize, startsAt.toString(), endsAt.toString(), null);
    }
}
