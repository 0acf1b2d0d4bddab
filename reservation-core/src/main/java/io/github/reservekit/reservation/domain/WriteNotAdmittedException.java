package io.github.reservekit.reservation.domain;

import java.util.Optional;

/**
 * A write refused at once because this instance already has as many writes in flight as the log currently absorbs
 * (admission control): nothing was published, so the outcome is always {@link Outcome#NOT_KEPT}, and retrying
 * later (for a placement, with {@link #idempotencyKey()}) may succeed.
 */
public final class WriteNotAdmittedException extends ReservationNotConfirmedException {

    /**
     * @param reservationId the reservation the write would have made or changed
     * @param idempotencyKey for a placement, the key to retry it with
     */
    public WriteNotAdmittedException(ReservationId reservationId, Optional<IdempotencyKey> idempotencyKey) {
        super(reservationId, Outcome.NOT_KEPT, REFUSED, null, idempotencyKey);
    }

    /** A definition of {@code resourceId} (contract version 3) refused the same way. */
    public WriteNotAdmittedException(ResourceId resourceId) {
        super(resourceId, Outcome.NOT_KEPT, REFUSED, null);
    }

    private static final String REFUSED =
            "this instance already has as many writes in flight as Kafka currently absorbs; nothing was published";
}
