package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request refused at the HTTP edge, before the core sees it: the body is not one well-formed JSON object, or
 * fields of it (or the {@code Idempotency-Key} header) are unknown, of the wrong JSON type or break a rule. Every
 * violation names the field as the client wrote it. {@link ReservationProblems#of(InvalidRequestException)} turns
 * it into the 400 problem.
 */
public final class InvalidRequestException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    private InvalidRequestException(String message, List<FieldViolation> violations) {
        // A client's mistake, answered and forgotten: no stack trace to fill.
        super(message, null, false, false);
        this.violations = List.copyOf(violations);
    }

    /** The body is not one well-formed JSON object. */
    static InvalidRequestException malformedJson() {
        return new InvalidRequestException("the request body is not a well-formed JSON object", List.of());
    }

    /**
     * @param violations at least one
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    static InvalidRequestException invalid(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        return new InvalidRequestException(
                violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")), violations);
    }

    /** Each field that is wrong and why, never empty unless the body is not one well-formed JSON object. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
