package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.domain.LoadLevels;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The reservations of one resource that count for the fold's capacity rule, with the load they put on it: each
 * counts until an instant of the log's time (a day after its slot ended; later, when a hold expires), after which it
 * stops counting for every event, on every reader alike, with no event written. {@link #advanceTo} drops what no
 * longer counts at a time; asking whether a slot fits costs the steps of the load within it. Not thread-safe: the
 * fold's reader uses it from one thread.
 */
final class CountingReservations {

    private record Counting(ReservationId id, TimeSlot slot, int units, Instant stopsAt) {}

    private final LoadLevels load = new LoadLevels();
    private final Map<ReservationId, Counting> counting = new HashMap<>();
    // By the instant each stops counting; an entry whose reservation stopped otherwise (cancelled) is skipped.
    private final PriorityQueue<Counting> byStop = new PriorityQueue<>(Comparator.comparing(Counting::stopsAt));

    /** Drops every reservation that no longer counts at {@code time}. */
    void advanceTo(Instant time) {
        while (!byStop.isEmpty() && !byStop.peek().stopsAt().isAfter(time)) {
            var stopped = byStop.poll();
            if (counting.get(stopped.id()) == stopped) {
                stop(stopped.id());
            }
        }
    }

    /** Whether {@code units} more fit within {@code capacity} at every instant of {@code slot}. */
    boolean fits(TimeSlot slot, int units, int capacity) {
        return load.maxOver(slot.startsAt(), slot.endsAt()) + units <= capacity;
    }

    /** Counts a reservation until {@code stopsAt} (or until {@link #stop}). */
    void count(ReservationId id, TimeSlot slot, int units, Instant stopsAt) {
        stop(id);
        var entry = new Counting(id, slot, units, stopsAt);
        counting.put(id, entry);
        byStop.add(entry);
        load.add(slot.startsAt(), slot.endsAt(), units);
    }

    /** The instant from {@code from} on where the most units are taken, with that load; empty when none is. */
    Optional<Map.Entry<Instant, Integer>> peakFrom(Instant from) {
        return load.peakFrom(from);
    }

    /** Whether the reservation counts now. */
    boolean counts(ReservationId id) {
        return counting.containsKey(id);
    }

    /** It no longer counts (cancelled); nothing if it did not. */
    void stop(ReservationId id) {
        var stopped = counting.remove(id);
        if (stopped != null) {
            load.add(stopped.slot().startsAt(), stopped.slot().endsAt(), -stopped.units());
        }
    }

    /** Nothing counts any more: the resource's entry can go. */
    boolean isEmpty() {
        return counting.isEmpty();
    }
}
