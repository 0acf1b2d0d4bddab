package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.ReservationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to cancel a reservation.
 *
 * @param reservationId the reservation to cancel
 * @param ifVersion only if the reservation still has this version (the client's {@code If-Match}); empty: whatever
 *     its version
 */
public record CancelReservationCommand(ReservationId reservationId, Optional<Long> ifVersion) {

    public CancelReservationCommand {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(ifVersion, "ifVersion");
    }

    /** An unconditional cancellation. */
    public CancelReservationCommand(ReservationId reservationId) {
        this(reservationId, Optional.empty());
    }
}
