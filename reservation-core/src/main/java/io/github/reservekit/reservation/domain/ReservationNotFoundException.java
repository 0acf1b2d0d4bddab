package io.github.reservekit.reservation.domain;

import java.util.Objects;

/** No reservation has this id. */
public final class ReservationNotFoundException extends ReservationException {

    private final ReservationId reservationId;

    public ReservationNotFoundException(ReservationId reservationId) {
        super("no reservation has id " + reservationId);
        this.reservationId = Objects.requireNonNull(reservationId, "reservationId");
    }

    public ReservationId reservationId() {
        return reservationId;
    }
}
