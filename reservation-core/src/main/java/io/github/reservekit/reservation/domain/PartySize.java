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

    /**
     * A party size from a value that may be missing, as it comes from a request.
     *
     * @throws InvalidReservationException naming {@code partySize} if the value is missing or out of range
     */
    public static PartySize of(Integer value) {
        if (value == null) {
            throw new InvalidReservationException("partySize", "is required");
        }
        return new PartySize(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
