package io.github.reservekit.reservation.domain;

/**
 * The name of an authenticated caller as the host application's security knows it (Spring Security's or Micronaut
 * Security's principal name): 1 to 1,000 characters, not blank, no control characters. A placement records it as
 * the reservation's {@code placedBy}; with {@code reservekit.owner-only} only that name may cancel, confirm or move
 * the reservation.
 *
 * @param value the name as the host's security gives it, compared exactly (case and white space included)
 */
public record PrincipalName(String value) {

    public static final int MAX_LENGTH = 1000;

    /** @throws InvalidReservationException naming {@code principal} if the value breaks a rule */
    public PrincipalName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidReservationException("principal", "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidReservationException("principal", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
