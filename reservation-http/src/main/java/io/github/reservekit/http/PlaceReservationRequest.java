package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The body of {@code POST /reservations} as the client wrote it, each field {@code null} when absent. Both shells
 * hand {@link #parse} the raw body and the {@code Idempotency-Key} header and get the core's typed command, or an
 * {@link InvalidRequestException} naming the JSON fields, so that they answer every request alike.
 *
 * <p>The JSON field names are the domain's own ({@link ReservationDetails}, {@link TimeSlot}), so a rule a value
 * of the core reports keeps its field; only the idempotency key travels under another name, the header's.
 *
 * @param startsAt RFC 3339 with a time zone, e.g. {@code 2026-12-01T19:00:00Z}; an offset is converted to UTC
 * @param endsAt the same
 * @param holdFor an ISO-8601 duration (1 second to 1 hour, e.g. {@code PT10M}): a hold (contract version 3)
 * @param units how many units of the resource it takes, 1 to 10,000 (contract version 3; 1 when absent)
 */
public record PlaceReservationRequest(
        String resourceId,
        String guestName,
        Integer partySize,
        String startsAt,
        String endsAt,
        String holdFor,
        Integer units) {

    /** The request header that carries the idempotency key; problems name it so. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final String IS_REQUIRED = "is required";
    static final String NOT_AN_INSTANT = "must be an RFC 3339 date-time with a time zone, e.g. 2026-12-01T19:00:00Z";

    /**
     * Reads one request into the core's command.
     *
     * @param body the request body as received (UTF-8 JSON); {@code null} when there is none
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null} when absent
     * @throws InvalidRequestException if the body is not one well-formed JSON object; naming the first member
     *     that is unknown or of the wrong JSON type; or else naming every field, the header included, that is
     *     missing or breaks a rule
     */
    public static PlaceReservationCommand parse(byte[] body, String idempotencyKey) {
        return StrictJson.read(body, PlaceReservationRequest.class).toCommand(idempotencyKey);
    }

    /** Checks every field, and reports every broken one at once. */
    PlaceReservationCommand toCommand(String idempotencyKey) {
        var violations = new ArrayList<FieldViolation>();
        var resource = field(violations, "resourceId", resourceId, ResourceId::new);
        var guest = field(violations, "guestName", guestName, GuestName::new);
        var size = field(violations, "partySize", partySize, PartySize::new);
        var start = field(violations, "startsAt", startsAt, PlaceReservationRequest::instant);
        var end = field(violations, "endsAt", endsAt, PlaceReservationRequest::instant);
        var slot = start == null || end == null ? null : rules(violations, () -> new TimeSlot(start, end));
        var key = idempotencyKey == null
                ? Optional.<IdempotencyKey>empty()
                : Optional.ofNullable(field(violations, IDEMPOTENCY_KEY, idempotencyKey, IdempotencyKey::new));
        Optional<Duration> hold = holdFor == null
                ? Optional.empty()
                : Optional.ofNullable(field(violations, "holdFor", holdFor, PlaceReservationRequest::duration));
        Integer taken =
                units == null ? Integer.valueOf(1) : field(violations, "units", units, PlaceReservationRequest::units);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.invalid(violations);
        }
        var details = new ReservationDetails(resource, guest, size, slot);
        var command = rules(violations, () -> new PlaceReservationCommand(details, key, hold, taken));
        if (command == null) {
            throw InvalidRequestException.invalid(violations);
        }
        return command;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            throw new InvalidReservationException("holdFor", "must be an ISO-8601 duration, e.g. PT10M");
        }
    }

    private static Integer units(Integer units) {
        Resource.checkUnits(units);
        return units;
    }

    private static Instant instant(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /** The value made from one field, or {@code null} after adding what is wrong with it, under its JSON name. */
    private static <T, R> R field(List<FieldViolation> violations, String name, T raw, Function<T, R> make) {
        if (raw == null) {
            violations.add(new FieldViolation(name, IS_REQUIRED));
            return null;
        }
        try {
            return make.apply(raw);
        } catch (InvalidReservationException broken) {
            broken.violations().forEach(violation -> violations.add(new FieldViolation(name, violation.message())));
        } catch (DateTimeParseException malformed) {
            violations.add(new FieldViolation(name, NOT_AN_INSTANT));
        }
        return null;
    }

    /** The value made from several fields, or {@code null} after adding the rules it breaks, as the core names them. */
    private static <R> R rules(List<FieldViolation> violations, Supplier<R> make) {
        try {
            return make.get();
        } catch (InvalidReservationException broken) {
            violations.addAll(broken.violations());
            return null;
        }
    }
}
