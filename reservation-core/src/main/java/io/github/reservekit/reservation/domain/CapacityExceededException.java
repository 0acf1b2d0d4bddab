package io.github.reservekit.reservation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A write would take more units of a resource than it holds at some instant (CONTRACT.md version 3, section 4.1,
 * 409): a capacity lowered below what its counting reservations already take there, or a placement or move asking
 * for more units than the resource holds at all. Nothing was changed.
 */
public final class CapacityExceededException extends ReservationException {

    private final ResourceId resourceId;
    private final int capacity;
    private final Instant at;
    private final int units;

    /**
     * @param capacity the capacity the write needed to stay within
     * @param at the instant where it would not
     * @param units the units that would be taken at {@code at}
     */
    public CapacityExceededException(ResourceId resourceId, int capacity, Instant at, int units) {
        super("resource " + resourceId + " would hold " + units + " units at " + at + ", more than its capacity "
                + capacity);
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.capacity = capacity;
        this.at = Objects.requireNonNull(at, "at");
        this.units = units;
    }

    public ResourceId resourceId() {
        return resourceId;
    }

    public int capacity() {
        return capacity;
    }

    /** The instant at which the capacity would be exceeded. */
    public Instant at() {
        return at;
    }

    /** The units that would be taken at {@link #at()}. */
    public int units() {
        return units;
    }
}
