package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import java.util.Locale;

/** What became of one record the follower read: what the core did with its event, or why it was skipped. */
public enum RecordOutcome {
    /** The event changed the local state. */
    APPLIED,
    /** The local state already reflected the event (this instance's own, or one seen twice). */
    ALREADY_APPLIED,
    /** A placement overlapping a CONFIRMED reservation, applied: two instances confirmed at the same moment. */
    DOUBLE_BOOKING,
    /** A cancellation of a reservation never placed here; ignored. */
    UNKNOWN_RESERVATION,
    /** Not a readable reservation event (a poison pill): skipped by every reader alike. */
    MALFORMED,
    /** A valid CloudEvent of a type this reader does not know: skipped, as the contract says. */
    UNKNOWN_TYPE,
    /** A reservation event of a version this reader does not know (a newer writer): skipped. */
    UNSUPPORTED_VERSION,
    /** Applying the event threw (a bug, never a business outcome): logged at ERROR and skipped. */
    APPLY_FAILURE;

    /** Whether the record was passed over without reaching the core. */
    public boolean skipped() {
        return this == MALFORMED || this == UNKNOWN_TYPE || this == UNSUPPORTED_VERSION;
    }

    /** The name in metrics and health details, e.g. {@code already-applied}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RecordOutcome of(ApplyReservationEventUseCase.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> APPLIED;
            case ALREADY_APPLIED -> ALREADY_APPLIED;
            case APPLIED_DOUBLE_BOOKING -> DOUBLE_BOOKING;
            case UNKNOWN_RESERVATION -> UNKNOWN_RESERVATION;
        };
    }
}
