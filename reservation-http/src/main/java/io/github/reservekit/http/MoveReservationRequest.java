package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.RescheduleReservationCommand;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.Resource;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The body of {@code PATCH /reservations/{id}} (a JSON merge patch, RFC 7396): the new {@code startsAt},
 * {@code endsAt} and {@code units}, each {@code null} when it stays as it is (CONTRACT.md section 4.2). Read once for
 * both shells; unknown members are refused like in every body.
 *
 * @param startsAt RFC 3339 with a time zone
 * @param endsAt the same
 * @param units 1 to 10,000
 */
public record MoveReservationRequest(String startsAt, String endsAt, Integer units) {

    /** The media type of a merge patch. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    /**
     * Reads one request into the core's command.
     *
     * @param ifMatch the {@code If-Match} header, or {@code null}
     * @param caller the authenticated caller, when the host application has one
     * @throws InvalidRequestException if the body is not one JSON object, or naming every member that breaks a rule
     */
    public static RescheduleReservationCommand parse(
            ReservationId id, byte[] body, String ifMatch, Optional<PrincipalName> caller) {
        var request = StrictJson.read(body, MoveReservationRequest.class);
        var violations = new ArrayList<FieldViolation>();
        var start = instant(violations, "startsAt", request.startsAt());
        var end = instant(violations, "endsAt", request.endsAt());
        if (request.units() != null) {
            try {
                Resource.checkUnits(request.units());
            } catch (InvalidReservationException outOfRange) {
                violations.addAll(outOfRange.violations());
            }
        }
        if (request.startsAt() == null && request.endsAt() == null && request.units() == null) {
            violations.add(new FieldViolation("startsAt", "a move names at least one of startsAt, endsAt, units"));
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.invalid(violations);
        }
        return new RescheduleReservationCommand(
                id, start, end, Optional.ofNullable(request.units()), ReservationView.ifMatch(ifMatch), caller);
    }

    private static Optional<Instant> instant(ArrayList<FieldViolation> violations, String name, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
        } catch (DateTimeParseException malformed) {
            violations.add(new FieldViolation(name, PlaceReservationRequest.NOT_AN_INSTANT));
            return Optional.empty();
        }
    }
}
