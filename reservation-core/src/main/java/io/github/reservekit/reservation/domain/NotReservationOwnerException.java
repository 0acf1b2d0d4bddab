package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * A change (cancel, confirm, move) asked of a reservation by someone other than the principal who placed it, while
 * {@code reservekit.owner-only} is on. Nothing changed. Carries the reservation's id only: who placed it is not told
 * to the caller.
 */
public final class NotReservationOwnerException extends ReservationException {

    private final ReservationId reservationId;

    public NotReservationOwnerException(ReservationId reservationId) {
        super("reservation " + reservationId + " was placed by another principal; only it may change it");
        this.reservationId = Objects.requireNonNull(reservationId, "reservationId");
    }

    /** The reservation that was not changed. */
    public ReservationId reservationId() {
        return reservationId;
    }
}
