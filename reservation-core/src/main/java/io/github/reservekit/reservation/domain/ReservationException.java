package io.github.reservekit.reservation.domain;

/**
 * Base of every business outcome the core reports: an invalid request, a conflicting slot, an unknown
 * reservation, a reused idempotency key, an event that could not be published.
 *
 * <p>Unchecked, so use cases declare them with {@code @throws} rather than in signatures. Each subclass
 * carries the facts of the outcome, so that an edge (HTTP, CLI) can translate it without parsing the message.
 * Programming errors are never subclasses of this type: they stay {@link NullPointerException},
 * {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public abstract class ReservationException extends RuntimeException {

    protected ReservationException(String message) {
        super(message);
    }

    protected ReservationException(String message, Throwable cause) {
        super(message, cause);
    }
}
