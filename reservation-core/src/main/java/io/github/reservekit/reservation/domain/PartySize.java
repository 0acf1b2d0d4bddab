package io.github.reservekit.reservation.domain;

/**
 * How many people the reservation is for: 1 to 100.
 *
 * @param value the number of people
 */
public record PartySize(int value) {

    public static final int MIN = 1;
    public static final int MAX = 100;

    /** @throws InvalidReservationException naming {@code partySize} if the value is out of range */
    public PartySize {
        if (value < MIN || value > MAX) {
            throw new InvalidReservationException("partySize", "must be between " + MIN + " and " + MAX);
        }
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
