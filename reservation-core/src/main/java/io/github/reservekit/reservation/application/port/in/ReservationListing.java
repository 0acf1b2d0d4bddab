package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which reservations of a resource to list, and how many at most (CONTRACT.md section 4.3).
 *
 * @param resourceId whose reservations
 * @param from with {@code to}: only reservations overlapping {@code [from, to)}; empty: no lower bound
 * @param to see {@code from}; empty: no upper bound
 * @param statuses only these statuses; empty: every status
 * @param limit at most this many, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
 * @param after only reservations after this position in the order (the previous page's {@code next}); empty: from
 *     the first
 */
public record ReservationListing(
        ResourceId resourceId,
        Optional<Instant> from,
        Optional<Instant> to,
        Set<ReservationStatus> statuses,
        int limit,
        Optional<ListingPosition> after) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 1_000;
    public static final int DEFAULT_LIMIT = 100;

    /** @throws IllegalArgumentException if {@code limit} is out of range or {@code to} is not after {@code from} */
    public ReservationListing {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(after, "after");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be " + MIN_LIMIT + " to " + MAX_LIMIT + ", was " + limit);
        }
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw new IllegalArgumentException("to must be after from");
        }
    }

    /** The first {@value #DEFAULT_LIMIT} reservations of the resource, any status, any time. */
    public static ReservationListing of(ResourceId resourceId) {
        return new ReservationListing(
                resourceId, Optional.empty(), Optional.empty(), Set.of(), DEFAULT_LIMIT, Optional.empty());
    }
}
