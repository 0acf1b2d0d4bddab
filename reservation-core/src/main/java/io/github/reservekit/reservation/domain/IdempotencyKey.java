package io.github.reservekit.reservation.domain;

import java.util.UUID;

/**
 * A client-chosen key that makes placing a reservation safe to retry: 1 to 100 printable ASCII characters
 * (space through {@code ~}), not all blank. It travels in the placed event, so it survives restarts.
 *
 * @param value the key as sent
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 100;

    /** @throws InvalidReservationException naming {@code idempotencyKey} if the value breaks a rule */
    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidReservationException(
                    "idempotencyKey", "must be 1 to " + MAX_LENGTH + " printable characters");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidReservationException("idempotencyKey", "must contain only printable ASCII characters");
        }
    }

    /**
     * A new key no client sends by chance ({@code rk-} and a random UUID): the core attaches one to every placement
     * made without a key, so that a caller told "unknown" can retry it safely.
     */
    public static IdempotencyKey generate() {
        return new IdempotencyKey("rk-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
