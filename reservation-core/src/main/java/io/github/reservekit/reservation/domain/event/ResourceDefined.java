package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A resource was defined or changed (CONTRACT.md version 3, section 4.1): the fold applies its capacity to every
 * later event of the resource if its counting reservations fit it at every instant after the event's time (rule
 * 10), or rejects it.
 *
 * @param eventId unique per event
 * @param occurredAt when it was asked for; also its {@link #definedAt()}
 * @param resourceId the resource
 * @param capacity 1 to 10,000
 * @param name what people call it, if given
 * @param confirmBy when the writer stops waiting for this event: appended later, the fold voids it
 * @param ifVersion the resource's version the writer's caller read ({@code If-Match}); empty: unconditional
 */
public record ResourceDefined(
        UUID eventId,
        Instant occurredAt,
        ResourceId resourceId,
        int capacity,
        Optional<String> name,
        Optional<Instant> confirmBy,
        Optional<Long> ifVersion)
        implements ReservationEvent {

    public ResourceDefined {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(confirmBy, "confirmBy");
        Objects.requireNonNull(ifVersion, "ifVersion");
        // The same rules as the resource it defines, so a malformed definition never reaches the fold.
        new Resource(resourceId, capacity, name, 1);
    }

    /** When the definition was asked for: the same instant as {@link #occurredAt()}. */
    public Instant definedAt() {
        return occurredAt;
    }

    /** The resource this defines, following {@code previous}. */
    public Resource applyTo(Resource previous) {
        return new Resource(resourceId, capacity, name, previous.version() + 1);
    }
}
