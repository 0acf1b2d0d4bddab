package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * The requested slot overlaps a CONFIRMED reservation of the same resource.
 *
 * @see TimeSlot#overlaps(TimeSlot)
 */
public final class ReservationConflictException extends ReservationException {

    private final ResourceId resourceId;
    private final TimeSlot requestedSlot;
    private final ReservationId conflictingReservationId;
    private final TimeSlot conflictingSlot;

    public ReservationConflictException(
            ResourceId resourceId,
            TimeSlot requestedSlot,
            ReservationId conflictingReservationId,
            TimeSlot conflictingSlot) {
        super("resource " + resourceId + " is already reserved from " + conflictingSlot.startsAt() + " to "
                + conflictingSlot.endsAt() + " by reservation " + conflictingReservationId);
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.requestedSlot = Objects.requireNonNull(requestedSlot, "requestedSlot");
        this.conflictingReservationId = Objects.requireNonNull(conflictingReservationId, "conflictingReservationId");
        this.conflictingSlot = conflictingSlot;
    }

    public ResourceId resourceId() {
        return resourceId;
    }

    public TimeSlot requestedSlot() {
        return requestedSlot;
    }

    /** The confirmed reservation that holds an overlapping slot. */
    public ReservationId conflictingReservationId() {
        return conflictingReservationId;
    }

    public TimeSlot conflictingSlot() {
        return conflictingSlot;
    }
}
