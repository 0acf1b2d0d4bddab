package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.CapacityExceededException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceChangedException;
import io.github.reservekit.reservation.domain.ResourceId;

/**
 * Defines resources and reads them (CONTRACT.md version 3, section 4.1), decided by the log like every write: a
 * capacity below what counting reservations already take at some instant is refused. Thread-safe.
 */
public interface DefineResourceUseCase {

    /**
     * @return the resource as defined
     * @throws CapacityExceededException naming the instant and the units taken there, when they exceed the capacity
     * @throws ResourceChangedException if the command's {@code ifVersion} is not the resource's version
     * @throws io.github.reservekit.reservation.domain.ReservationNotConfirmedException if the log did not confirm it
     *     in time (503)
     */
    Resource define(DefineResourceCommand command);

    /** The resource as the log defines it, caught up first: capacity 1 and version 0 if nobody defined it. */
    Resource findResource(ResourceId resourceId);
}
