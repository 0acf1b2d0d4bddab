package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.Availability;
import io.github.reservekit.reservation.application.port.in.AvailabilityWindow;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.LoadLevels;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;

/**
 * "What is free" over the fold's state, after catching up with the resource's part of the log: one walk over the
 * reservations that can overlap the window (those starting from {@link TimeSlot#MAX_LENGTH} before it to its end)
 * that count now (CONFIRMED, or HELD and not expired), adding up the units they take as a step function; an interval
 * is free where at least the asked units remain of the resource's capacity at every instant.
 */
public final class FindAvailabilityService implements FindAvailabilityQuery {

    private final ReservationRepository repository;
    private final DecisionAwaitingWriter writer;
    private final Clock clock;

    /** @param clock a hold stops taking its slot once its time has passed on it */
    public FindAvailabilityService(ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Availability availability(AvailabilityWindow window) {
        Objects.requireNonNull(window, "window");
        writer.catchUp(Set.of(window.resourceId()));
        int capacity = writer.resource(window.resourceId()).capacity();
        var free = new ArrayList<Availability.FreeInterval>();
        if (window.units() <= capacity) {
            Instant now = clock.instant();
            var taken = new LoadLevels();
            repository
                    .findByResourceStartingFrom(
                            window.resourceId(), window.from().minus(TimeSlot.MAX_LENGTH))
                    .takeWhile(reservation -> reservation.slot().startsAt().isBefore(window.to()))
                    .filter(reservation -> reservation.countsAt(now))
                    .filter(reservation -> reservation.slot().endsAt().isAfter(window.from()))
                    .forEach(reservation -> taken.add(
                            reservation.slot().startsAt(), reservation.slot().endsAt(), reservation.units()));
            for (var interval : taken.atMost(capacity - window.units(), window.from(), window.to())) {
                if (window.minimum().isEmpty()
                        || Duration.between(interval.getKey(), interval.getValue())
                                        .compareTo(window.minimum().get())
                                >= 0) {
                    free.add(new Availability.FreeInterval(interval.getKey(), interval.getValue()));
                }
            }
        }
        return new Availability(window.resourceId(), capacity, window.from(), window.to(), free);
    }
}
