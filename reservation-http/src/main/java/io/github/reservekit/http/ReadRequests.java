package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.Availability;
import io.github.reservekit.reservation.application.port.in.AvailabilityWindow;
import io.github.reservekit.reservation.application.port.in.ListingPosition;
import io.github.reservekit.reservation.application.port.in.ReservationListing;
import io.github.reservekit.reservation.application.port.in.ReservationPage;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The query parameters of CONTRACT.md section 4.3's reads, read into the core's queries once for both shells:
 * {@code GET /reservations?resourceId=&from=&to=&status=&limit=&after=} and
 * {@code GET /resources/{resourceId}/availability?from=&to=&units=&duration=}. Every broken parameter is named at
 * once ({@link InvalidRequestException}, a 400). The page's {@code Link: <...>; rel="next"} (RFC 8288) carries the
 * same filters and an opaque {@code after} cursor.
 */
public final class ReadRequests {

    private ReadRequests() {}

    /**
     * A listing from its query parameters, each {@code null} (or, for {@code status}, empty) when absent.
     *
     * @throws InvalidRequestException naming every parameter that is missing or breaks a rule
     */
    public static ReservationListing listing(
            String resourceId, String from, String to, List<String> status, String limit, String after) {
        var violations = new ArrayList<FieldViolation>();
        var resource = required(violations, "resourceId", resourceId, ResourceId::new);
        var start = optional(violations, "from", from, ReadRequests::instant);
        var end = optional(violations, "to", to, ReadRequests::instant);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        var statuses = EnumSet.noneOf(ReservationStatus.class);
        for (String asked : status == null ? List.<String>of() : status) {
            try {
                statuses.add(ReservationStatus.valueOf(asked.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                violations.add(new FieldViolation("status", "must be one of HELD, CONFIRMED, CANCELLED, EXPIRED"));
            }
        }
        int size = optional(violations, "limit", limit, ReadRequests::limit).orElse(ReservationListing.DEFAULT_LIMIT);
        var position = optional(violations, "after", after, ReadRequests::position);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.invalid(violations);
        }
        return new ReservationListing(resource, start, end, statuses, size, position);
    }

    /**
     * The value of the {@code Link} header that points at the page after {@code page}, if there is one.
     *
     * @param path the listing's path as the client sees it, e.g. {@code /reservations} (with any context path)
     */
    public static Optional<String> nextLink(String path, ReservationListing listing, ReservationPage page) {
        return page.next().map(next -> {
            var query = new StringJoiner("&");
            query.add("resourceId=" + encode(listing.resourceId().value()));
            listing.from().ifPresent(from -> query.add("from=" + encode(from.toString())));
            listing.to().ifPresent(to -> query.add("to=" + encode(to.toString())));
            listing.statuses().stream().sorted().forEach(status -> query.add("status=" + status.name()));
            query.add("limit=" + listing.limit());
            query.add("after=" + cursor(next));
            return "<" + path + "?" + query + ">; rel=\"next\"";
        });
    }

    /**
     * An availability window from its path and query parameters, each {@code null} when absent.
     *
     * @throws InvalidRequestException naming every parameter that is missing or breaks a rule
     */
    public static AvailabilityWindow availability(
            String resourceId, String from, String to, String units, String duration) {
        var violations = new ArrayList<FieldViolation>();
        var resource = required(violations, "resourceId", resourceId, ResourceId::new);
        var start = required(violations, "from", from, ReadRequests::instant);
        var end = required(violations, "to", to, ReadRequests::instant);
        int count =
                optional(violations, "units", units, ReadRequests::wholeNumber).orElse(1);
        var minimum = optional(violations, "duration", duration, Duration::parse);
        if (violations.isEmpty()) {
            try {
                return new AvailabilityWindow(resource, start, end, count, minimum);
            } catch (InvalidReservationException broken) {
                violations.addAll(broken.violations());
            }
        }
        throw InvalidRequestException.invalid(violations);
    }

    /** What {@code GET /resources/{id}/availability} answers. */
    public record AvailabilityView(String resourceId, int capacity, String from, String to, List<FreeView> free) {

        /** One free interval. */
        public record FreeView(String startsAt, String endsAt) {}

        public static AvailabilityView from(Availability availability) {
            return new AvailabilityView(
                    availability.resourceId().value(),
                    availability.capacity(),
                    availability.from().toString(),
                    availability.to().toString(),
                    availability.free().stream()
                            .map(free -> new FreeView(
                                    free.startsAt().toString(), free.endsAt().toString()))
                            .toList());
        }
    }

    private static String cursor(ListingPosition position) {
        String plain = position.startsAt() + "," + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static ListingPosition position(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int comma = plain.indexOf(',');
            return new ListingPosition(
                    Instant.parse(plain.substring(0, comma)), ReservationId.parse(plain.substring(comma + 1)));
        } catch (RuntimeException unreadable) {
            throw new InvalidReservationException("after", "must be the cursor of a Link: rel=\"next\"");
        }
    }

    private static Instant instant(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    private static int limit(String text) {
        int limit = wholeNumber(text);
        if (limit < ReservationListing.MIN_LIMIT || limit > ReservationListing.MAX_LIMIT) {
            throw new InvalidReservationException("limit", "must be 1 to 1000");
        }
        return limit;
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidReservationException("number", "must be a whole number");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <R> R required(List<FieldViolation> violations, String name, String raw, Function<String, R> make) {
        if (raw == null || raw.isBlank()) {
            violations.add(new FieldViolation(name, "is required"));
            return null;
        }
        return optional(violations, name, raw, make).orElse(null);
    }

    /** The value made from one parameter, empty when absent, or after adding what is wrong with it under its name. */
    private static <R> Optional<R> optional(
            List<FieldViolation> violations, String name, String raw, Function<String, R> make) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(make.apply(raw));
        } catch (InvalidReservationException broken) {
            broken.violations().forEach(violation -> violations.add(new FieldViolation(name, violation.message())));
        } catch (DateTimeParseException malformed) {
            violations.add(new FieldViolation(
                    name,
                    name.equals("duration")
                            ? "must be an ISO-8601 duration such as PT2H"
                            : PlaceReservationRequest.NOT_AN_INSTANT));
        }
        return Optional.empty();
    }
}
