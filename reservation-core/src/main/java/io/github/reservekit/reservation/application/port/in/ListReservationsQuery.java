package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.List;

/** Reads the reservations of one resource. Thread-safe. */
public interface ListReservationsQuery {

    /** Every reservation of the resource, CONFIRMED and CANCELLED, ordered by start; empty if none. */
    List<Reservation> listByResource(ResourceId resourceId);
}
