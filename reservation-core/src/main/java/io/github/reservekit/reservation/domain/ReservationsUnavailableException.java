package io.github.reservekit.reservation.domain;

/**
 * A read could not be answered up to date: this instance could not catch up with the log within the bound
 * (CONTRACT.md section 3, 503). Retrying may succeed.
 */
public final class ReservationsUnavailableException extends ReservationException {

    public ReservationsUnavailableException(String message) {
        super(message);
    }
}
