package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is free of a resource in a window.
 *
 * @param resourceId the resource
 * @param capacity its capacity (1 for a resource nobody defined)
 * @param from the window's first instant
 * @param to the first instant after it
 * @param free the maximal intervals in which enough units are free, in order, none overlapping
 */
public record Availability(ResourceId resourceId, int capacity, Instant from, Instant to, List<FreeInterval> free) {

    public Availability {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        free = List.copyOf(free);
    }

    /** A free interval {@code [startsAt, endsAt)}. */
    public record FreeInterval(Instant startsAt, Instant endsAt) {
        public FreeInterval {
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            if (!endsAt.isAfter(startsAt)) {
                throw new IllegalArgumentException("endsAt must be after startsAt");
            }
        }
    }
}
