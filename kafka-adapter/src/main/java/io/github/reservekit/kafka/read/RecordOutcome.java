package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.util.Locale;

/** What became of one record the follower read: what the fold decided about its event, or why it was skipped. */
public enum RecordOutcome {
    /** A placement made a CONFIRMED reservation. */
    CONFIRMED,
    /** A cancellation cancelled a CONFIRMED reservation. */
    CANCELLED,
    /** A placement overlapping a reservation CONFIRMED before it: rejected, the earlier one stands. */
    REJECTED_OVERLAP,
    /** A placement whose idempotency key an earlier placement of the resource holds: rejected as a duplicate. */
    REJECTED_DUPLICATE,
    /** A reservation took its new slot and units (contract version 3). */
    MOVED,
    /** A hold was placed: HELD until its record's time plus its holdFor (contract version 3). */
    HELD,
    /** A confirmation that reached the topic at or after its hold expired: rejected. */
    REJECTED_EXPIRED,
    /** A confirmation of a reservation that is no hold (cancelled, unknown): rejected. */
    REJECTED_NOT_HELD,
    /** A write carrying a version the reservation no longer had (If-Match): rejected, nothing changed. */
    REJECTED_STALE,
    /** A resource defined or its capacity changed (contract version 3). */
    DEFINED,
    /** A write that would take more units than its resource holds at some instant: rejected, nothing changed. */
    REJECTED_CAPACITY,
    /** Appended after its {@code confirmBy}, when its writer had given up: void. */
    VOID,
    /** Nothing to change (an id placed before, a cancellation of a reservation not CONFIRMED, a rejected event). */
    UNCHANGED,
    /** A writer's health probe (no event): passed over by every reader alike, and no bad record. */
    PROBE,
    /**
     * Not a readable reservation event (a poison pill), or one whose record key is not its {@code resourceId}:
     * skipped by every reader alike.
     */
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

    /** The name in metrics and health details, e.g. {@code rejected-overlap}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RecordOutcome of(FoldDecision decision) {
        return switch (decision) {
            case FoldDecision.Confirmed confirmed ->
                confirmed.reservation().status() == ReservationStatus.HELD ? HELD : CONFIRMED;
            case FoldDecision.Cancelled cancelled -> CANCELLED;
            case FoldDecision.Moved moved -> MOVED;
            case FoldDecision.Rejected rejected ->
                switch (rejected.reason()) {
                    case DUPLICATE -> REJECTED_DUPLICATE;
                    case STALE -> REJECTED_STALE;
                    case EXPIRED -> REJECTED_EXPIRED;
                    case NOT_HELD -> REJECTED_NOT_HELD;
                    default -> REJECTED_OVERLAP;
                };
            case FoldDecision.Defined defined -> DEFINED;
            case FoldDecision.ResourceRefused refused ->
                refused.reason() == ReservationRejected.Reason.STALE ? REJECTED_STALE : REJECTED_CAPACITY;
            case FoldDecision.Voided voided -> VOID;
            case FoldDecision.Unchanged unchanged -> UNCHANGED;
        };
    }
}
