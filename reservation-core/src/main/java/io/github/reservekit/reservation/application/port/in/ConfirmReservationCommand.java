package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.ReservationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to confirm a hold.
 *
 * @param reservationId the held reservation
 * @param ifVersion only if the reservation still has this version (the client's {@code If-Match}); empty: whatever
 *     its version
 */
public record ConfirmReservationCommand(ReservationId reservationId, Optional<Long> ifVersion) {

    public ConfirmReservationCommand {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(ifVersion, "ifVersion");
    }
}
