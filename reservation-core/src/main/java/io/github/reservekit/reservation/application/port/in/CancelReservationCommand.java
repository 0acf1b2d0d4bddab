package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to cancel a reservation.
 *
 * @param reservationId the reservation to cancel
 * @param ifVersion only if the reservation still has this version (the client's {@code If-Match}); empty: whatever
 *     its version
 * @param principal the authenticated caller, when the host application has one: with {@code reservekit.owner-only},
 *     it must be the principal who placed the reservation
 */
public record CancelReservationCommand(
        ReservationId reservationId, Optional<Long> ifVersion, Optional<PrincipalName> principal) {

    public CancelReservationCommand {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(ifVersion, "ifVersion");
        Objects.requireNonNull(principal, "principal");
    }

    /** An unconditional cancellation by no known principal. */
    public CancelReservationCommand(ReservationId reservationId) {
        this(reservationId, Optional.empty(), Optional.empty());
    }
}
