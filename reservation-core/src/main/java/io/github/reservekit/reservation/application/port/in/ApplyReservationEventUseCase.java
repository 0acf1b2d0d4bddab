package io.github.reservekit.reservation.application.port.in;

/**
 * Applies an event that is already recorded to the local state, without publishing anything. Idempotent: an
 * event already reflected (the instance's own, or one seen twice) changes nothing. Thread-safe, and
 * serialised per resource with placements and cancellations.
 */
public interface ApplyReservationEventUseCase {

    /** What applying an event did. */
    enum Outcome {
        /** The event changed the local state. */
        APPLIED,
        /** The local state already reflected the event; nothing changed. */
        ALREADY_APPLIED,
        /**
         * The placement was applied, but it overlaps a CONFIRMED reservation of the resource: two instances
         * confirmed overlapping slots at the same moment. Both were confirmed to their clients, so both are
         * kept; callers should report it.
         */
        APPLIED_DOUBLE_BOOKING,
        /** A cancellation of a reservation never placed here (its placement was lost or deleted); ignored. */
        UNKNOWN_RESERVATION
    }

    Outcome apply(ApplyReservationEventCommand command);
}
