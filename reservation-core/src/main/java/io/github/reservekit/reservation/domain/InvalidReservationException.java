package io.github.reservekit.reservation.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input breaks one or more rules of a reservation. Carries every violation found, each naming the field
 * and the rule, so that a client can fix all of them at once.
 */
public final class InvalidReservationException extends ReservationException {

    private final List<FieldViolation> violations;

    /**
     * @param violations at least one violation
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public InvalidReservationException(List<FieldViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** One violation of one field. */
    public InvalidReservationException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    /** The violations, in the order the fields were checked; never empty. */
    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid reservation needs at least one violation");
        }
        return violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
    }
}
