package io.github.reservekit.reservation.application.port.out;

import io.github.reservekit.reservation.domain.ReservationException;

/**
 * An event could not be durably published, so the change it records did not happen.
 *
 * <p>{@link #retriable()} says whether the same request may succeed later (a broker unreachable, not enough
 * in-sync replicas, a timeout) or will keep failing until something is changed (not authorised, the record
 * too large, a broken configuration). Adapters translate their technology's failures into this type, so no
 * technology type crosses the port; the cause is kept for logs, never for clients.
 */
public final class PublicationFailedException extends ReservationException {

    private final boolean retriable;

    public PublicationFailedException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public PublicationFailedException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    /** Whether retrying the same request later can succeed. */
    public boolean retriable() {
        return retriable;
    }
}
