package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to define or change a resource (CONTRACT.md version 3, section 4.1).
 *
 * @param resourceId the resource
 * @param capacity how many units it holds at any instant: 1 to 10,000
 * @param name what people call it, 1 to 200 characters, if given
 * @param ifVersion only if the resource still has this version (the client's {@code If-Match}); empty: whatever its
 *     version
 */
public record DefineResourceCommand(
        ResourceId resourceId, int capacity, Optional<String> name, Optional<Long> ifVersion) {

    /** @throws InvalidReservationException naming {@code capacity} or {@code name} when out of range */
    public DefineResourceCommand {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ifVersion, "ifVersion");
        new Resource(resourceId, capacity, name, 1); // the resource's own rules
    }
}
