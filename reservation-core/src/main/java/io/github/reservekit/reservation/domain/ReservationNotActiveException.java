package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * A change asked of a reservation that no longer takes its slot (CANCELLED, or a hold that EXPIRED): it cannot be
 * moved or resized (CONTRACT.md section 4.2, 409). Nothing changed.
 */
public final class ReservationNotActiveException extends ReservationException {

    private final Reservation current;

    public ReservationNotActiveException(Reservation current) {
        super("reservation " + current.id() + " is " + current.status() + " and can no longer be changed");
        this.current = Objects.requireNonNull(current, "current");
    }

    /** The reservation as it is now. */
    public Reservation current() {
        return current;
    }
}
