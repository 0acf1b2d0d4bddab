package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to confirm a hold.
 *
 * @param reservationId the held reservation
 * @param ifVersion only if the reservation still has this version (the client's {@code If-Match}); empty: whatever
 *     its version
 * @param principal the authenticated caller, when the host application has one: with {@code reservekit.owner-only},
 *     it must be the principal who placed the reservation
 */
public record ConfirmReservationCommand(
        ReservationId reservationId, Optional<Long> ifVersion, Optional<PrincipalName> principal) {

    public ConfirmReservationCommand {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(ifVersion, "ifVersion");
        Objects.requireNonNull(principal, "principal");
    }
}
