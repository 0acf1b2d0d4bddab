package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.List;

/** Reads the reservations of one resource, up to date with the log. Thread-safe. */
public interface ListReservationsQuery {

    /** Every reservation of the resource, any status, ordered by start then id; empty if none. */
    List<Reservation> listByResource(ResourceId resourceId);

    /**
     * One page of the resource's reservations that {@code listing} selects, ordered by (startsAt, id), and where the
     * next page starts while more remain (CONTRACT.md section 4.3). A page costs time in proportion to what it
     * passes over within its window, never to all the resource's reservations.
     */
    ReservationPage list(ReservationListing listing);
}
