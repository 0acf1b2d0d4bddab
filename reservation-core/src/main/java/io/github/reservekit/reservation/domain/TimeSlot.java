package io.github.reservekit.reservation.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The half-open interval {@code [startsAt, endsAt)} a resource is booked for: {@code endsAt} is after
 * {@code startsAt}, and the slot lasts at most {@link #MAX_LENGTH}. Back-to-back slots do not overlap.
 *
 * <p>Whether {@code startsAt} lies in the past depends on the clock, so {@link Reservation#place} checks that,
 * not this type: a restored reservation keeps its slot however old it is.
 *
 * @param startsAt the first instant of the slot
 * @param endsAt the first instant after the slot
 */
public record TimeSlot(Instant startsAt, Instant endsAt) {

    public static final Duration MAX_LENGTH = Duration.ofDays(7);

    /** @throws InvalidReservationException naming {@code startsAt} or {@code endsAt} if a rule is broken */
    public TimeSlot {
        if (startsAt == null) {
            throw new InvalidReservationException("startsAt", "is required");
        }
        if (endsAt == null) {
            throw new InvalidReservationException("endsAt", "is required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidReservationException("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidReservationException("endsAt", "must be at most 7 days after startsAt");
        }
    }

    /** Whether the two slots share at least one instant. */
    public boolean overlaps(TimeSlot other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    /** How long the slot lasts. */
    public Duration length() {
        return Duration.between(startsAt, endsAt);
    }
}
