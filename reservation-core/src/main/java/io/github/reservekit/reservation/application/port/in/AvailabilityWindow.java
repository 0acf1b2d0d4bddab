package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to look for free time: {@code [from, to)} of one resource, at most {@link #MAX_LENGTH} long.
 *
 * @param resourceId which resource
 * @param from the window's first instant
 * @param to the first instant after it
 * @param units how many units must be free at every instant of an interval (1 to 10,000)
 * @param minimum when given, only intervals at least this long
 */
public record AvailabilityWindow(
        ResourceId resourceId, Instant from, Instant to, int units, Optional<Duration> minimum) {

    /** The longest window one query may ask about: 31 days. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    public static final int MAX_UNITS = 10_000;

    /** @throws InvalidReservationException naming the field ({@code to}, {@code units}, {@code duration}) */
    public AvailabilityWindow {
        Objects.requireNonNull(resourceId, "resourceId");
        if (from == null) {
            throw new InvalidReservationException("from", "is required");
        }
        if (to == null) {
            throw new InvalidReservationException("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidReservationException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidReservationException("to", "must be at most 31 days after from");
        }
        if (units < 1 || units > MAX_UNITS) {
            throw new InvalidReservationException("units", "must be 1 to " + MAX_UNITS);
        }
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.isPresent() && (minimum.get().isNegative() || minimum.get().isZero())) {
            throw new InvalidReservationException("duration", "must be positive");
        }
    }
}
