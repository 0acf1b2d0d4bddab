package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * A placement or cancellation the log did not confirm, so it did not happen (CONTRACT.md section 3, 503): its
 * event was not appended, or only after its {@code confirmBy} ({@link Outcome#NOT_KEPT}: the log can never confirm
 * it), or its fate could not be read from the log ({@link Outcome#UNKNOWN}: the log unreadable, or the event not
 * acknowledged and not readable yet; the log still decides, identically for every reader, and reading the
 * reservation later tells). Retrying may succeed.
 */
public final class ReservationNotConfirmedException extends ReservationException {

    /** What is known of the event's fate. */
    public enum Outcome {
        /** The log can never confirm it: nothing is kept. */
        NOT_KEPT,
        /** Its fate could not be read from the log (yet); reading the reservation later tells. */
        UNKNOWN
    }

    private final ReservationId reservationId;
    private final Outcome outcome;

    public ReservationNotConfirmedException(ReservationId reservationId, Outcome outcome, String why, Throwable cause) {
        super("reservation " + reservationId + " was not confirmed (" + outcome + "): " + why, cause);
        this.reservationId = Objects.requireNonNull(reservationId, "reservationId");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** The reservation the request would have made, or the one a cancellation concerned. */
    public ReservationId reservationId() {
        return reservationId;
    }

    public Outcome outcome() {
        return outcome;
    }
}
