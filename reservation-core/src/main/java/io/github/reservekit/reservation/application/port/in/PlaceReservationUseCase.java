package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;

/**
 * Places a reservation. It is CONFIRMED and kept only after its event is durably published; if publishing
 * fails, nothing is kept and the same request can be retried.
 *
 * <p>Implementations are thread-safe: concurrent placements of overlapping slots of one resource yield
 * exactly one reservation, and placements for different resources do not wait for each other.
 */
public interface PlaceReservationUseCase {

    /**
     * @return the new reservation, or, for a repeated idempotency key with the same details, the reservation
     *     that key placed (no second event is published)
     * @throws InvalidReservationException if the slot starts in the past
     * @throws ReservationConflictException if the slot overlaps a CONFIRMED reservation of the resource
     * @throws IdempotencyKeyReusedException if the idempotency key placed a reservation with other details
     * @throws PublicationFailedException if the event could not be published; nothing was kept
     */
    Reservation place(PlaceReservationCommand command);
}
