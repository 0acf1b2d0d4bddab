package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param reservations in order of (startsAt, id)
 * @param next where the next page starts ({@link ReservationListing#after()}), while more remain; empty on the last
 */
public record ReservationPage(List<Reservation> reservations, Optional<ListingPosition> next) {

    public ReservationPage {
        reservations = List.copyOf(reservations);
        Objects.requireNonNull(next, "next");
    }
}
