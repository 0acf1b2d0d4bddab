package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.ReservationsUnavailableException;

/** Answers "what is free" for one resource in a window (CONTRACT.md section 4.3), up to date with the log. */
public interface FindAvailabilityQuery {

    /**
     * The maximal intervals of the window in which at least {@code window.units()} units of the resource are free at
     * every instant, each at least {@code window.minimum()} long when given.
     *
     * @throws ReservationsUnavailableException if the log could not be caught up with
     */
    Availability availability(AvailabilityWindow window);
}
