package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * One rule that one input field broke.
 *
 * @param field the field's name as clients send it, for example {@code partySize}
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
