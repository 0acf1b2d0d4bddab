package io.github.reservekit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reservation as the HTTP API returns it (CONTRACT.md section 1): instants as RFC 3339 text in UTC; {@code
 * holdExpiresAt} only on a hold, left out otherwise in every shell alike.
 */
public record ReservationView(
        String id,
        String resourceId,
        String guestName,
        int partySize,
        String startsAt,
        String endsAt,
        String status,
        String createdAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) String holdExpiresAt,
        int units) {

    public static ReservationView from(Reservation reservation) {
        return new ReservationView(
                reservation.id().toString(),
                reservation.resourceId().value(),
                reservation.guestName().value(),
                reservation.partySize().value(),
                reservation.slot().startsAt().toString(),
                reservation.slot().endsAt().toString(),
                reservation.status().name(),
                reservation.createdAt().toString(),
                reservation.version(),
                reservation.holdExpiresAt().map(Instant::toString).orElse(null),
                reservation.units());
    }

    /**
     * The version an {@code If-Match} header asks for: empty when absent or {@code *} (any current version).
     *
     * @throws InvalidRequestException naming {@code If-Match} when it is not one quoted version such as {@code "3"}
     */
    public static Optional<Long> ifMatch(String header) {
        return ifMatch(header, 1, "reservation");
    }

    /** {@link #ifMatch(String)} for a thing whose versions start at {@code lowest}. */
    static Optional<Long> ifMatch(String header, long lowest, String thing) {
        if (header == null || header.strip().equals("*")) {
            return Optional.empty();
        }
        String tag = header.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                long version = Long.parseLong(tag.substring(1, tag.length() - 1));
                if (version >= lowest) {
                    return Optional.of(version);
                }
            } catch (NumberFormatException notAVersion) {
                // reported below
            }
        }
        throw InvalidRequestException.invalid(List.of(new FieldViolation(
                IF_MATCH, "must be the ETag of the " + thing + " as read, e.g. \"" + (lowest + 1) + "\" (or *)")));
    }

    /** The request header of a conditional write. */
    public static final String IF_MATCH = "If-Match";

    /** The {@code Location} of a reservation. */
    public static String location(Reservation reservation) {
        return "/reservations/" + reservation.id();
    }
}
