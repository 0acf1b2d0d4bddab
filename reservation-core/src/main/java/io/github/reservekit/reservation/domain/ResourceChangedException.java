package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * A conditional definition of a resource ({@code If-Match}) came after the resource changed: nothing was changed
 * (CONTRACT.md section 4.2, 412), decided by the fold like a reservation's.
 */
public final class ResourceChangedException extends ReservationException {

    private final Resource current;
    private final long expectedVersion;

    public ResourceChangedException(Resource current, long expectedVersion) {
        super("resource " + current.id() + " has version " + current.version() + ", not " + expectedVersion);
        this.current = Objects.requireNonNull(current, "current");
        this.expectedVersion = expectedVersion;
    }

    /** The resource as it is now. */
    public Resource current() {
        return current;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
