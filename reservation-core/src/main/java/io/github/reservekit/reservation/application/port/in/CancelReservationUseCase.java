package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;

/**
 * Cancels a reservation, idempotently: cancelling a cancelled reservation returns it unchanged and publishes
 * nothing. The cancellation is kept only after its event is durably published. Thread-safe.
 */
public interface CancelReservationUseCase {

    /**
     * @return the reservation, CANCELLED
     * @throws ReservationNotFoundException if no reservation has the id
     * @throws NotReservationOwnerException with owner-only on, if it was placed by a principal other than the
     *     command's
     * @throws PublicationFailedException if the event could not be published; the reservation stays CONFIRMED
     * @throws ReservationChangedException if the command's {@code ifVersion} is not the reservation's version (read
     *     from an up-to-date view, or decided by the log); nothing changed
     */
    Reservation cancel(CancelReservationCommand command);
}
