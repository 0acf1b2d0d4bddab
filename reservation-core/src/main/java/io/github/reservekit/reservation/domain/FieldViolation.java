package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * One rule that one input field broke.
 *
 * @param field the field's name: in the core, the domain's name for the value (a component of
 *     {@link ReservationDetails} or {@link TimeSlot}, for example {@code partySize}); an edge that reads
 *     client input may name its own fields instead (the HTTP API names the {@code Idempotency-Key} header)
 * @param message the rule, phrased to follow the field name, for example {@code must be between 1 and 100}
 */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
