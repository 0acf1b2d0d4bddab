package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.CapacityExceededException;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.HoldNotConfirmedException;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationException;
import io.github.reservekit.reservation.domain.ReservationNotActiveException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ReservationsUnavailableException;
import io.github.reservekit.reservation.domain.ResourceChangedException;
import io.github.reservekit.reservation.domain.WriteNotAdmittedException;
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

    private static final String TYPE_PREFIX = "urn:reservekit:problem:";

    private ReservationProblems() {}

    /** The problem for a business outcome of the core. */
    public static Problem of(ReservationException exception) {
        return switch (exception) {
            case InvalidReservationException invalid -> invalid(invalid.violations());
            case ReservationConflictException conflict ->
                problem(
                        409,
                        "reservation-conflict",
                        "Reservation conflict",
                        "The slot overlaps confirmed reservation " + conflict.conflictingReservationId() + " of "
                                + conflict.resourceId() + " ("
                                + conflict.conflictingSlot().startsAt() + " to "
                                + conflict.conflictingSlot().endsAt() + ").",
                        Map.of(
                                "conflictingReservationId",
                                conflict.conflictingReservationId().toString()));
            case ReservationNotFoundException notFound ->
                problem(
                        404,
                        "reservation-not-found",
                        "Reservation not found",
                        "No reservation has id " + notFound.reservationId() + ".",
                        Map.of());
            case IdempotencyKeyReusedException reused ->
                problem(
                        422,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "This Idempotency-Key already placed reservation " + reused.existingReservationId()
                                + " with a different body; use a new key for a new reservation.",
                        Map.of(
                                "existingReservationId",
                                reused.existingReservationId().toString()));
            case WriteNotAdmittedException notAdmitted -> notAdmitted(notAdmitted);
            case ReservationNotConfirmedException notConfirmed -> notConfirmed(notConfirmed);
            case HoldNotConfirmedException notConfirmed ->
                problem(
                        409,
                        "hold-expired",
                        "Hold not confirmed",
                        "Reservation " + notConfirmed.current().id() + " is "
                                + notConfirmed.current().status()
                                + ": its hold expired before the confirmation reached the topic, or it was cancelled."
                                + " Nothing changed; place it again if its slot is still free.",
                        Map.of(
                                "reservationId", notConfirmed.current().id().toString(),
                                "currentStatus", notConfirmed.current().status().name()));
            case ReservationNotActiveException notActive ->
                problem(
                        409,
                        "reservation-not-active",
                        "Reservation not active",
                        "Reservation " + notActive.current().id() + " is "
                                + notActive.current().status()
                                + " and no longer takes its slot, so it cannot be changed.",
                        Map.of(
                                "reservationId", notActive.current().id().toString(),
                                "currentStatus", notActive.current().status().name()));
            case NotReservationOwnerException notOwner ->
                problem(
                        403,
                        "not-reservation-owner",
                        "Not the reservation's owner",
                        "Reservation " + notOwner.reservationId() + " was placed by another principal; with"
                                + " reservekit.owner-only only that principal may cancel, confirm or move it."
                                + " Nothing changed.",
                        Map.of("reservationId", notOwner.reservationId().toString()));
            case ReservationChangedException changed ->
                problem(
                        412,
                        "reservation-changed",
                        "Reservation changed",
                        "Reservation " + changed.current().id() + " has version "
                                + changed.current().version()
                                + " (" + changed.current().status() + "), not " + changed.expectedVersion()
                                + " as in If-Match: it changed since it was read, so nothing was changed. Read it"
                                + " again (its ETag) and decide anew.",
                        Map.of(
                                "reservationId", changed.current().id().toString(),
                                "currentVersion",
                                        Long.toString(changed.current().version()),
                                "currentStatus", changed.current().status().name()));
            case CapacityExceededException exceeded ->
                problem(
                        409,
                        "capacity-exceeded",
                        "Capacity exceeded",
                        "Resource " + exceeded.resourceId() + " would hold " + exceeded.units() + " units at "
                                + exceeded.at() + ", more than its capacity " + exceeded.capacity()
                                + ", so nothing was changed.",
                        Map.of(
                                "resourceId", exceeded.resourceId().value(),
                                "capacity", Integer.toString(exceeded.capacity()),
                                "at", exceeded.at().toString(),
                                "units", Integer.toString(exceeded.units())));
            case ResourceChangedException changed ->
                problem(
                        412,
                        "resource-changed",
                        "Resource changed",
                        "Resource " + changed.current().id() + " has version "
                                + changed.current().version()
                                + ", not " + changed.expectedVersion()
                                + " as in If-Match: it changed since it was read, so nothing was changed.",
                        Map.of(
                                "resourceId", changed.current().id().value(),
                                "currentVersion",
                                        Long.toString(changed.current().version())));
            case ReservationsUnavailableException unavailable ->
                new Problem(
                        503,
                        TYPE_PREFIX + "reservations-unavailable",
                        "Reservations unavailable",
                        "This instance could not catch up with the topic in time, so it cannot answer up to date."
                                + " Retry later.",
                        List.of(),
                        Map.of(),
                        Optional.of(RETRY_AFTER_SECONDS));
            case PublicationFailedException failed ->
                new Problem(
                        503,
                        TYPE_PREFIX + "event-not-published",
                        "Reservation event not published",
                        "The event could not be written to Kafka, so nothing was changed. Retry later.",
                        List.of(),
                        Map.of(),
                        Optional.of(failed.retriable() ? RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS_NOT_RETRIABLE));
            default -> unexpected();
        };
    }

    /**
     * 503 for a write the topic did not confirm, with {@code reservationId} and {@code outcome}: {@code not-kept}
     * (it can never be confirmed) or {@code unknown} (Kafka could not be read; GET tells later, and a 404 before that
     * is not final), and for a placement the {@code idempotencyKey} to retry it with (CONTRACT.md section 4.2).
     */
    private static Problem notConfirmed(ReservationNotConfirmedException notConfirmed) {
        boolean notKept = notConfirmed.outcome() == ReservationNotConfirmedException.Outcome.NOT_KEPT;
        var members = new LinkedHashMap<String, String>();
        notConfirmed.reservationId().ifPresent(id -> members.put("reservationId", id.toString()));
        notConfirmed.resourceId().ifPresent(id -> members.put("resourceId", id.value()));
        members.put("outcome", notKept ? "not-kept" : "unknown");
        notConfirmed.idempotencyKey().ifPresent(key -> members.put("idempotencyKey", key.value()));
        String retry = notConfirmed
                .idempotencyKey()
                .map(key -> " Retry with the header Idempotency-Key: " + key.value()
                        + " to get one definite answer, never a second reservation.")
                .orElse(" Retry later.");
        return new Problem(
                503,
                TYPE_PREFIX + "not-confirmed",
                "Reservation not confirmed",
                notKept
                        ? "Kafka did not take or confirm the event in time, so nothing was changed (while this lasts,"
                                + " the health endpoint says why)." + retry
                        : "Kafka could not be read to learn whether the event was kept; GET "
                                + notConfirmed
                                        .reservationId()
                                        .map(id -> "/reservations/" + id)
                                        .orElseGet(() -> "/resources/"
                                                + notConfirmed
                                                        .resourceId()
                                                        .orElseThrow()
                                                        .value())
                                + " tells once Kafka is reachable (a 404 before then is not final)." + retry,
                List.of(),
                members,
                Optional.of(RETRY_AFTER_SECONDS));
    }

    /**
     * 503 for a write refused at once by admission control: {@code outcome} {@code not-kept} (nothing was
     * published), {@code reservationId}, and for a placement the {@code idempotencyKey} to retry it with.
     */
    private static Problem notAdmitted(WriteNotAdmittedException notAdmitted) {
        var members = new LinkedHashMap<String, String>();
        notAdmitted.reservationId().ifPresent(id -> members.put("reservationId", id.toString()));
        notAdmitted.resourceId().ifPresent(id -> members.put("resourceId", id.value()));
        return overloaded(members, notAdmitted.idempotencyKey());
    }

    /**
     * 503 for a write refused before its body was read, while this instance's writes in flight are at their bound
     * ({@link EarlyWriteRefusal}): {@code outcome} {@code not-kept}, and for a placement the {@code idempotencyKey}
     * to retry it with.
     */
    public static Problem overloaded(Optional<IdempotencyKey> idempotencyKey) {
        return overloaded(new LinkedHashMap<>(), idempotencyKey);
    }

    private static Problem overloaded(Map<String, String> members, Optional<IdempotencyKey> idempotencyKey) {
        members.put("outcome", "not-kept");
        idempotencyKey.ifPresent(key -> members.put("idempotencyKey", key.value()));
        return new Problem(
                503,
                TYPE_PREFIX + "overloaded",
                "Too many writes in flight",
                "This instance already has as many writes in flight as Kafka currently absorbs, so this one was"
                        + " refused at once and nothing was published. Retry after the Retry-After seconds"
                        + idempotencyKey
                                .map(key -> ", with the header Idempotency-Key: " + key.value() + ".")
                                .orElse("."),
                List.of(),
                members,
                Optional.of(RETRY_AFTER_SECONDS_OVERLOADED));
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

    private static Problem problem(
            int status, String type, String title, String detail, Map<String, String> extensions) {
        return new Problem(status, TYPE_PREFIX + type, title, detail, List.of(), extensions, Optional.empty());
    }
}
