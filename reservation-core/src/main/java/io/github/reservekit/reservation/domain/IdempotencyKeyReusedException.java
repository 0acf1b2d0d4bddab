package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * An idempotency key that already placed a reservation was sent again with different reservation details.
 * Retrying with the original details returns the original reservation; new details need a new key.
 */
public final class IdempotencyKeyReusedException extends ReservationException {

    private final IdempotencyKey idempotencyKey;
    private final ReservationId existingReservationId;

    public IdempotencyKeyReusedException(IdempotencyKey idempotencyKey, ReservationId existingReservationId) {
        super("idempotency key was already used for reservation " + existingReservationId + " with different details");
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.existingReservationId = Objects.requireNonNull(existingReservationId, "existingReservationId");
    }

    public IdempotencyKey idempotencyKey() {
        return idempotencyKey;
    }

    /** The reservation the key placed first. */
    public ReservationId existingReservationId() {
        return existingReservationId;
    }
}
