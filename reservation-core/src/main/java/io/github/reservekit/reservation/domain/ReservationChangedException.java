package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * A conditional write (the client's {@code If-Match}) came after the reservation changed: the version the client
 * read is no longer the current one, so nothing was changed (CONTRACT.md section 4.2, 412). Decided from an
 * up-to-date view or by the fold itself, so two instances can never both apply writes made from one read.
 */
public final class ReservationChangedException extends ReservationException {

    private final Reservation current;
    private final long expectedVersion;

    public ReservationChangedException(Reservation current, long expectedVersion) {
        super("reservation " + current.id() + " has version " + current.version() + ", not " + expectedVersion);
        this.current = Objects.requireNonNull(current, "current");
        this.expectedVersion = expectedVersion;
    }

    /** The reservation as it is now. */
    public Reservation current() {
        return current;
    }

    /** The version the write was made from. */
    public long expectedVersion() {
        return expectedVersion;
    }
}
