package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;

/** Reads one reservation. Thread-safe. */
public interface FindReservationQuery {

    /** @throws ReservationNotFoundException if no reservation has the id */
    Reservation findById(ReservationId id);
}
