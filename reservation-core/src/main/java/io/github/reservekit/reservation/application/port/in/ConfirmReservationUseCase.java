package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.HoldNotConfirmedException;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;

/**
 * Confirms a hold (CONTRACT.md section 4.2), idempotently: confirming a CONFIRMED reservation returns it and publishes
 * nothing. Decided by the log: a confirmation that reaches it at or after the hold expired changes nothing.
 * Thread-safe.
 */
public interface ConfirmReservationUseCase {

    /**
     * @return the reservation, CONFIRMED
     * @throws ReservationNotFoundException if no reservation has the id
     * @throws NotReservationOwnerException with owner-only on, if it was placed by a principal other than the
     *     command's
     * @throws HoldNotConfirmedException if the hold expired first, or the reservation was cancelled
     * @throws ReservationChangedException if the command's {@code ifVersion} is not the reservation's version
     * @throws ReservationNotConfirmedException if the log did not confirm it in time (503)
     */
    Reservation confirm(ConfirmReservationCommand command);
}
