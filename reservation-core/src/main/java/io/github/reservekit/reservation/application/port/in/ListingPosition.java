package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a resource's reservations ordered by (startsAt, id): where a page ended, so the next one starts after
 * it. Stable while reservations come and go (it names a position, not an offset).
 *
 * @param startsAt the start of the last reservation listed
 * @param id its id
 */
public record ListingPosition(Instant startsAt, ReservationId id) implements Comparable<ListingPosition> {

    private static final Comparator<ListingPosition> ORDER = Comparator.comparing(ListingPosition::startsAt)
            .thenComparing(position -> position.id().value());

    public ListingPosition {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(id, "id");
    }

    /** Where {@code reservation} stands in its resource's order. */
    public static ListingPosition of(Reservation reservation) {
        return new ListingPosition(reservation.slot().startsAt(), reservation.id());
    }

    @Override
    public int compareTo(ListingPosition other) {
        return ORDER.compare(this, other);
    }
}
