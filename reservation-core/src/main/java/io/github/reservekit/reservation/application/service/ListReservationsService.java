package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.ListingPosition;
import io.github.reservekit.reservation.application.port.in.ReservationListing;
import io.github.reservekit.reservation.application.port.in.ReservationPage;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a resource's reservations, after catching up with the resource's part of the log. A page walks the
 * resource's reservations in order from where it may start (a reservation overlapping {@code from} starts at most
 * {@link TimeSlot#MAX_LENGTH} before it) and stops at {@code to} or once it has one more than it returns.
 */
public final class ListReservationsService implements ListReservationsQuery {

    private final ReservationRepository repository;
    private final DecisionAwaitingWriter writer;
    private final Clock clock;

    /** @param clock a hold is listed EXPIRED once its time has passed on it */
    public ListReservationsService(ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Reservation> listByResource(ResourceId resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        writer.catchUp(Set.of(resourceId));
        Instant now = clock.instant();
        return repository.findByResource(resourceId).stream()
                .map(reservation -> reservation.asOf(now))
                .toList();
    }

    @Override
    public ReservationPage list(ReservationListing listing) {
        Objects.requireNonNull(listing, "listing");
        writer.catchUp(Set.of(listing.resourceId()));
        Instant walkFrom =
                listing.from().map(from -> from.minus(TimeSlot.MAX_LENGTH)).orElse(Instant.MIN);
        if (listing.after().isPresent() && listing.after().get().startsAt().isAfter(walkFrom)) {
            walkFrom = listing.after().get().startsAt();
        }
        var after = listing.after();
        Instant now = clock.instant();
        var found = repository
                .findByResourceStartingFrom(listing.resourceId(), walkFrom)
                .takeWhile(reservation -> listing.to()
                        .map(to -> reservation.slot().startsAt().isBefore(to))
                        .orElse(true))
                .filter(reservation -> after.map(
                                position -> ListingPosition.of(reservation).compareTo(position) > 0)
                        .orElse(true))
                .filter(reservation -> listing.from()
                        .map(from -> reservation.slot().endsAt().isAfter(from))
                        .orElse(true))
                .map(reservation -> reservation.asOf(now))
                .filter(reservation ->
                        listing.statuses().isEmpty() || listing.statuses().contains(reservation.status()))
                .limit(listing.limit() + 1L)
                .toList();
        if (found.size() <= listing.limit()) {
            return new ReservationPage(found, Optional.empty());
        }
        var page = found.subList(0, listing.limit());
        return new ReservationPage(page, Optional.of(ListingPosition.of(page.getLast())));
    }
}
