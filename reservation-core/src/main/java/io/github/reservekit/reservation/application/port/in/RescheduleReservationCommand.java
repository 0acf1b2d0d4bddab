package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to move or resize a reservation on its own resource (a JSON merge patch: what is absent stays as it is).
 *
 * @param reservationId the reservation
 * @param startsAt the new start, if it changes
 * @param endsAt the new end, if it changes
 * @param units the new units, if they change
 * @param ifVersion only if the reservation still has this version (the client's {@code If-Match})
 * @param principal the authenticated caller, when the host application has one: with {@code reservekit.owner-only},
 *     it must be the principal who placed the reservation
 */
public record RescheduleReservationCommand(
        ReservationId reservationId,
        Optional<Instant> startsAt,
        Optional<Instant> endsAt,
        Optional<Integer> units,
        Optional<Long> ifVersion,
        Optional<PrincipalName> principal) {

    public RescheduleReservationCommand {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(ifVersion, "ifVersion");
        Objects.requireNonNull(principal, "principal");
    }
}
