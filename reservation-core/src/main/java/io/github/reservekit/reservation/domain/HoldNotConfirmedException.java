package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * A hold could not be confirmed (CONTRACT.md section 4.2, 409 {@code hold-expired}): its confirmation reached the log
 * at or after the hold expired, or the reservation is no hold any more (cancelled). Nothing changed.
 */
public final class HoldNotConfirmedException extends ReservationException {

    private final Reservation current;

    public HoldNotConfirmedException(Reservation current) {
        super("reservation " + current.id() + " cannot be confirmed: it is " + current.status());
        this.current = Objects.requireNonNull(current, "current");
    }

    /** The reservation as it is now (EXPIRED or CANCELLED). */
    public Reservation current() {
        return current;
    }
}
