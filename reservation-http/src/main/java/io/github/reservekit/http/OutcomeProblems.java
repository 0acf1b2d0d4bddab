package io.github.reservekit.http;

import static io.github.reservekit.http.ReservationProblems.RETRY_AFTER_SECONDS;
import static io.github.reservekit.http.ReservationProblems.RETRY_AFTER_SECONDS_NOT_RETRIABLE;
import static io.github.reservekit.http.ReservationProblems.RETRY_AFTER_SECONDS_OVERLOADED;
import static io.github.reservekit.http.ReservationProblems.TYPE_PREFIX;
import static io.github.reservekit.http.ReservationProblems.invalid;
import static io.github.reservekit.http.ReservationProblems.problem;
import static io.github.reservekit.http.ReservationProblems.unexpected;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.CapacityExceededException;
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
 * The problems for the core's business outcomes (CONTRACT.md section 3): which status, type and members each
 * {@link ReservationException} answers with. The HTTP-level problems, and the entry point, are
 * {@link ReservationProblems}.
 */
final class OutcomeProblems {

    private OutcomeProblems() {}

    /** The problem for a business outcome of the core. */
    static Problem of(ReservationException exception) {
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

    /** The 503 of a write refused by admission control, in the core or before its body was read. */
    static Problem overloaded(Map<String, String> members, Optional<IdempotencyKey> idempotencyKey) {
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
}
