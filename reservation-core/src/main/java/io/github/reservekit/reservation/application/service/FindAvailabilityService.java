package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.Availability;
import io.github.reservekit.reservation.application.port.in.AvailabilityWindow;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "What is free" over the fold's state, after catching up with the resource's part of the log: one walk over the
 * reservations that can overlap the window (those starting from {@link TimeSlot#MAX_LENGTH} before it to its end),
 * in order of start, merging what is taken. A resource holds one unit until contract version 3's capacities are
 * defined, so an interval is free where no reservation that counts (CONFIRMED, or HELD and not expired) overlaps it.
 */
public final class FindAvailabilityService implements FindAvailabilityQuery {

    /** The capacity of a resource nobody defined (CONTRACT.md section 4.1). */
    static final int DEFAULT_CAPACITY = 1;

    private final ReservationRepository repository;
    private final DecidingWriter writer;
    private final Clock clock;

    /** @param clock a hold stops taking its slot once its time has passed on it */
    public FindAvailabilityService(ReservationRepository repository, DecidingWriter writer, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Availability availability(AvailabilityWindow window) {
        Objects.requireNonNull(window, "window");
        writer.catchUp(Set.of(window.resourceId()));
        int capacity = DEFAULT_CAPACITY;
        var free = new ArrayList<Availability.FreeInterval>();
        if (window.units() <= capacity) {
            Instant freeFrom = window.from();
            Instant now = clock.instant();
            var taken = repository
                    .findByResourceStartingFrom(
                            window.resourceId(), window.from().minus(TimeSlot.MAX_LENGTH))
                    .takeWhile(reservation -> reservation.slot().startsAt().isBefore(window.to()))
                    .filter(reservation -> reservation.countsAt(now))
                    .filter(reservation -> reservation.slot().endsAt().isAfter(window.from()))
                    .toList();
            for (Reservation reservation : taken) {
                Instant start = reservation.slot().startsAt();
                if (start.isAfter(freeFrom)) {
                    add(free, freeFrom, start, window);
                }
                if (reservation.slot().endsAt().isAfter(freeFrom)) {
                    freeFrom = reservation.slot().endsAt();
                }
            }
            if (window.to().isAfter(freeFrom)) {
                add(free, freeFrom, window.to(), window);
            }
        }
        return new Availability(window.resourceId(), capacity, window.from(), window.to(), free);
    }

    private static void add(List<Availability.FreeInterval> free, Instant from, Instant to, AvailabilityWindow window) {
        if (window.minimum().isEmpty()
                || Duration.between(from, to).compareTo(window.minimum().get()) >= 0) {
            free.add(new Availability.FreeInterval(from, to));
        }
    }
}
