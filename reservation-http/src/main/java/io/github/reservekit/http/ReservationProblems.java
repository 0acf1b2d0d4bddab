package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.ReservationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping from what can go wrong to the problem the API answers with (CONTRACT.md section 3). Each
 * shell's single error handler calls it and renders the result in its framework's idiom.
 */
public final class ReservationProblems {

    /** Request bodies larger than this are refused with 413. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** Seconds a client should wait before retrying when Kafka could not take an event. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Seconds a client should wait before retrying a write refused because this instance had as many writes in
     * flight as Kafka currently absorbs: short, as the bound frees up as soon as writes in flight end.
     */
    public static final int RETRY_AFTER_SECONDS_OVERLOADED = 1;

    /** Seconds to wait when retrying cannot help until an operator acts (e.g. not authorised). */
    public static final int RETRY_AFTER_SECONDS_NOT_RETRIABLE = 60;

    static final String TYPE_PREFIX = "urn:reservekit:problem:";

    private ReservationProblems() {}

    /** The problem for a business outcome of the core. */
    public static Problem of(ReservationException exception) {
        return OutcomeProblems.of(exception);
    }

    /**
     * 503 for a write refused before its body was read, while this instance's writes in flight are at their bound
     * ({@link EarlyWriteRefusal}): {@code outcome} {@code not-kept}, and for a placement the {@code idempotencyKey}
     * to retry it with.
     */
    public static Problem overloaded(Optional<IdempotencyKey> idempotencyKey) {
        return OutcomeProblems.overloaded(new LinkedHashMap<>(), idempotencyKey);
    }

    /** 400: a request refused before the core saw it: its body is not a JSON object, or the fields it names. */
    public static Problem of(InvalidRequestException invalid) {
        return invalid.violations().isEmpty() ? malformedJson() : invalid(invalid.violations());
    }

    /** 400: one or more fields break a rule. */
    public static Problem invalid(List<FieldViolation> violations) {
        String detail = violations.size() == 1
                ? "1 field is invalid: " + violations.getFirst() + "."
                : violations.size() + " fields are invalid.";
        return new Problem(
                400,
                TYPE_PREFIX + "invalid-request",
                "Invalid request",
                detail,
                violations,
                Map.of(),
                Optional.empty());
    }

    /** 400: the body is not well-formed JSON, or not a JSON object. */
    public static Problem malformedJson() {
        return problem(
                400,
                "malformed-json",
                "Malformed JSON",
                "The request body is not a well-formed JSON object.",
                Map.of());
    }

    /** 413: the body is larger than {@link #MAX_BODY_BYTES}. */
    public static Problem bodyTooLarge() {
        return problem(
                413,
                "body-too-large",
                "Request body too large",
                "The request body must not exceed " + MAX_BODY_BYTES + " bytes.",
                Map.of());
    }

    /** 415: the body is not {@code application/json}. */
    public static Problem unsupportedMediaType() {
        return problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "The request body must be application/json.",
                Map.of());
    }

    /** 400: a path or query parameter is missing or invalid (e.g. an id that is not a UUID). */
    public static Problem invalidParameter(String name, String rule) {
        return invalid(List.of(new FieldViolation(name, rule)));
    }

    /** 404: no such endpoint. */
    public static Problem noSuchEndpoint() {
        return problem(404, "not-found", "Not found", "There is nothing at this path.", Map.of());
    }

    /** 405: the endpoint exists but not for this method. */
    public static Problem methodNotAllowed() {
        return problem(
                405, "method-not-allowed", "Method not allowed", "This path does not support the method.", Map.of());
    }

    /** Any other HTTP-level error a framework detects (e.g. 406), with the status's standard meaning. */
    public static Problem httpError(int status) {
        if (status >= 500) {
            return unexpected();
        }
        return problem(
                status,
                "http-" + status,
                "Request not processed",
                "The request could not be processed (HTTP " + status + ").",
                Map.of());
    }

    /** 500: anything else. Says nothing about the cause; the server logs it. */
    public static Problem unexpected() {
        return problem(
                500,
                "internal-error",
                "Internal error",
                "The request failed unexpectedly; it has been logged.",
                Map.of());
    }

    static Problem problem(int status, String type, String title, String detail, Map<String, String> extensions) {
        return new Problem(status, TYPE_PREFIX + type, title, detail, List.of(), extensions, Optional.empty());
    }
}
