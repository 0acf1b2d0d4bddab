package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.UUID;

/**
 * A fact about one reservation that has happened. Events are what the core publishes, and a reservation's
 * state can be rebuilt from them alone ({@link io.github.reservekit.reservation.domain.Reservation#restore}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ReservationEvent
        permits ReservationPlaced,
                ReservationCancelled,
                ReservationRejected,
                ReservationConfirmed,
                ReservationRescheduled {

    /** Unique per event; consumers deduplicate by it. */
    UUID eventId();

    /** When the fact happened, by the service's clock. */
    Instant occurredAt();

    ReservationId reservationId();

    /** The reservation's resource; it orders events (all events of a resource share one Kafka partition). */
    ResourceId resourceId();
}
