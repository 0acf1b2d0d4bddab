package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationNotActiveException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;

/**
 * Moves or resizes a reservation on its own resource, atomically (CONTRACT.md section 4.2): it takes the new slot and
 * units, or stays exactly as it was. Decided by the log. Thread-safe.
 */
public interface RescheduleReservationUseCase {

    /**
     * @return the reservation as moved
     * @throws ReservationNotFoundException if no reservation has the id
     * @throws NotReservationOwnerException with owner-only on, if it was placed by a principal other than the
     *     command's
     * @throws InvalidReservationException naming the field when the new slot or units break a rule
     * @throws ReservationConflictException naming a reservation in the way; the reservation stays as it was
     * @throws ReservationNotActiveException if it is CANCELLED or EXPIRED
     * @throws ReservationChangedException if the command's {@code ifVersion} is not the reservation's version
     * @throws ReservationNotConfirmedException if the log did not decide it in time (503)
     */
    Reservation reschedule(RescheduleReservationCommand command);
}
