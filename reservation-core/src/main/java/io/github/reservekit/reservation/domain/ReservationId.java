package io.github.reservekit.reservation.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The id the service assigns to a reservation: a random UUID.
 *
 * @param value the UUID
 */
public record ReservationId(UUID value) {

    public ReservationId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random id. */
    public static ReservationId random() {
        return new ReservationId(UUID.randomUUID());
    }

    /**
     * Reads an id as clients send it.
     *
     * @throws InvalidReservationException naming the field {@code id} if {@code text} is not a UUID
     */
    public static ReservationId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new InvalidReservationException("id", "must be a UUID");
        }
        try {
            return new ReservationId(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidReservationException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
