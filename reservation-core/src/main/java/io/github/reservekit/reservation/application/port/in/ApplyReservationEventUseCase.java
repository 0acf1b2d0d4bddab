package io.github.reservekit.reservation.application.port.in;

import java.time.Instant;

/**
 * The fold (CONTRACT.md section 4.4): applies an event recorded in the log to the local state by rules that use only
 * what is in the records, never this reader's clock or settings, so every reader that applies the same log in the
 * same order reaches the same state and the same decisions. Events of one partition must come in log order.
 * Thread-safe; a reader applies one partition's events from one thread.
 *
 * <p>Not a functional interface on purpose: a log's reader needs both methods, and a lambda standing in for the fold
 * would silently drop the second (that is how forgetting ended reservations once never ran in an app).
 */
public interface ApplyReservationEventUseCase {

    /** What the fold decided about this event; a writer waiting for it answers from it. */
    FoldDecision apply(ApplyReservationEventCommand command);

    /**
     * Tells the fold that every partition of the log has been applied up to records appended at {@code logTime}, so
     * every record still to come is appended later (the topic uses the broker's append time): what ended well before
     * it can no longer change a decision and leaves memory (rule 12).
     */
    void logReached(Instant logTime);
}
