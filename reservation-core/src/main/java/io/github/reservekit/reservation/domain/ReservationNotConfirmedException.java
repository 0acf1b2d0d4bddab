package io.github.reservekit.reservation.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A placement or cancellation the log did not confirm, so it did not happen (CONTRACT.md section 3, 503): its
 * event was not appended, or only after its {@code confirmBy} ({@link Outcome#NOT_KEPT}: the log can never confirm
 * it), or its fate could not be read from the log ({@link Outcome#UNKNOWN}: the log unreadable, or the event not
 * acknowledged and not readable yet; the log still decides, identically for every reader, and reading the
 * reservation later tells; a miss then is not final). Retrying may succeed: a placement names the idempotency key
 * to retry it with ({@link #idempotencyKey()}), and a retry with that key ends in one definite answer, never in a
 * second reservation. {@link WriteNotAdmittedException} is the one kind refused before anything was published
 * (admission control).
 */
public class ReservationNotConfirmedException extends ReservationException {

    /** What is known of the event's fate. */
    public enum Outcome {
        /** The log can never confirm it: nothing is kept. */
        NOT_KEPT,
        /** Its fate could not be read from the log (yet); reading the reservation later tells. */
        UNKNOWN
    }

    private final Optional<ReservationId> reservationId;
    private final Optional<ResourceId> resourceId;
    private final Outcome outcome;
    private final Optional<IdempotencyKey> idempotencyKey;

    /** A cancellation (or any write other than a placement) that was not confirmed. */
    public ReservationNotConfirmedException(ReservationId reservationId, Outcome outcome, String why, Throwable cause) {
        this(reservationId, outcome, why, cause, Optional.empty());
    }

    /** A placement that was not confirmed, with the idempotency key its event carried. */
    public ReservationNotConfirmedException(
            ReservationId reservationId,
            Outcome outcome,
            String why,
            Throwable cause,
            Optional<IdempotencyKey> idempotencyKey) {
        super("reservation " + reservationId + " was not confirmed (" + outcome + "): " + why, cause);
        this.reservationId = Optional.of(reservationId);
        this.resourceId = Optional.empty();
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A definition of a resource (contract version 3) that was not confirmed. */
    public ReservationNotConfirmedException(ResourceId resourceId, Outcome outcome, String why, Throwable cause) {
        super("the definition of resource " + resourceId + " was not confirmed (" + outcome + "): " + why, cause);
        this.reservationId = Optional.empty();
        this.resourceId = Optional.of(resourceId);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.idempotencyKey = Optional.empty();
    }

    /** For a definition of a resource: the resource; empty for a reservation's write. */
    public Optional<ResourceId> resourceId() {
        return resourceId;
    }

    /** For a placement: the key to retry it with (the client's, or the one the writer generated). */
    public Optional<IdempotencyKey> idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * The reservation the request would have made, or the one a change concerned; empty for a definition of a
     * resource.
     */
    public Optional<ReservationId> reservationId() {
        return reservationId;
    }

    public Outcome outcome() {
        return outcome;
    }
}
