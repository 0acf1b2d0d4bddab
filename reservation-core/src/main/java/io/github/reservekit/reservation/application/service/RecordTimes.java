package io.github.reservekit.reservation.application.service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fold's rules about a record's time {@code t}, which come from the records alone, never from a clock of this
 * instance: what {@code t} is (rule 2), when an event is late (rule 4), and until when a reservation still counts
 * (rule 12). Thread-safe.
 */
final class RecordTimes {

    // Rule 2: each partition's time so far, the largest record time seen in it.
    private final Map<Integer, Instant> partitionTimes = new ConcurrentHashMap<>();

    /** Rule 2: the partition's time, moved forward to {@code recordedAt} unless it is already later. */
    Instant timeOf(int partition, Instant recordedAt) {
        return partitionTimes.merge(partition, recordedAt, (before, now) -> now.isAfter(before) ? now : before);
    }

    /** Whether a reservation whose slot ends at {@code endsAt} still counts for an event of time {@code t}. */
    static boolean counts(Instant endsAt, Optional<Instant> t) {
        return t.isEmpty()
                || endsAt.plus(ApplyReservationEventService.FORGET_AFTER_END).isAfter(t.get());
    }

    /** Rule 4: appended after the writer stopped waiting. Events without confirmBy (version 1) never are. */
    static boolean late(Optional<Instant> confirmBy, Optional<Instant> t) {
        return confirmBy.isPresent() && t.isPresent() && confirmBy.get().isBefore(t.get());
    }
}
