package io.github.reservekit.reservation.domain;

/**
 * Who the reservation is for: 1 to 200 characters (Unicode code points) once leading and trailing white
 * space is removed, with no control characters.
 *
 * @param value the name, stripped of leading and trailing white space
 */
public record GuestName(String value) {

    public static final int MAX_LENGTH = 200;

    /** @throws InvalidReservationException naming {@code guestName} if the value breaks a rule */
    public GuestName {
        if (value == null) {
            throw new InvalidReservationException("guestName", "is required");
        }
        value = value.strip();
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > MAX_LENGTH) {
            throw new InvalidReservationException(
                    "guestName", "must be 1 to " + MAX_LENGTH + " characters long after trimming");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidReservationException("guestName", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
