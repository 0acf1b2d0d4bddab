package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule 3's memory beyond the reservations themselves: placements that made no reservation (rejected or void), and
 * events that changed something, each with the end of its slot, so that a copy is still recognised until it is
 * forgotten like a reservation (rule 12). Thread-safe.
 */
final class AppliedEvents {

    private final Map<ReservationId, Instant> placedWithoutReservation = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> changes = new ConcurrentHashMap<>();

    /** Whether the event with this id changed something before. */
    boolean changedBefore(UUID eventId) {
        return changes.containsKey(eventId);
    }

    /** Whether a placement of this id was made before that made no reservation. */
    boolean placedWithoutReservation(ReservationId reservationId) {
        return placedWithoutReservation.containsKey(reservationId);
    }

    /** The placement made no reservation. */
    void madeNoReservation(ReservationPlaced placed) {
        placedWithoutReservation.put(placed.reservationId(), placed.slot().endsAt());
    }

    /** The event changed something, remembered until {@code endsAt} is forgotten. */
    void changed(UUID eventId, Instant endsAt) {
        changes.put(eventId, endsAt);
    }

    /** Forgets what ended at or before {@code cutoff}: a walk over everything kept. */
    void forgetEndedBy(Instant cutoff) {
        placedWithoutReservation.values().removeIf(endsAt -> !endsAt.isAfter(cutoff));
        changes.values().removeIf(endsAt -> !endsAt.isAfter(cutoff));
    }
}
