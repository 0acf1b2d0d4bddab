package io.github.reservekit.reservation.domain;

import java.util.regex.Pattern;

/**
 * The thing being booked (a table, a room, a seat): 1 to 100 ASCII letters, digits, {@code -}, {@code _},
 * {@code .} or {@code :}. It is also the Kafka record key, so all events of one resource stay in order.
 *
 * @param value the id as given; it is not normalised
 */
public record ResourceId(String value) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]+");

    /** @throws InvalidReservationException naming {@code resourceId} if the value breaks a rule */
    public ResourceId {
        if (value == null) {
            throw new InvalidReservationException("resourceId", "is required");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidReservationException("resourceId", "must be 1 to " + MAX_LENGTH + " characters long");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidReservationException(
                    "resourceId", "may contain only letters, digits, '-', '_', '.' and ':'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
