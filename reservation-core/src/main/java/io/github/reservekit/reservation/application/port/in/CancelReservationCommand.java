package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.ReservationId;
import java.util.Objects;

/**
 * A request to cancel a reservation.
 *
 * @param reservationId the reservation to cancel
 */
public record CancelReservationCommand(ReservationId reservationId) {

    public CancelReservationCommand {
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
