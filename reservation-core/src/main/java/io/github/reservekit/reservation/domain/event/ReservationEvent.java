package io.github.reservekit.reservation.domain.event;

import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A fact that has happened on the reservation log: about one reservation, or (contract version 3) about a resource
 * ({@link ResourceDefined}). Events are what the core publishes, and a reservation's state can be rebuilt from its
 * own events alone ({@link io.github.reservekit.reservation.domain.Reservation#restore}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ReservationEvent
        permits ReservationPlaced,
                ReservationCancelled,
                ReservationRejected,
                ReservationConfirmed,
                ReservationRescheduled,
                ResourceDefined {

    /** Unique per event; consumers deduplicate by it. */
    UUID eventId();

    /** When the fact happened, by the service's clock. */
    Instant occurredAt();

    /** The reservation the event is about; empty for an event about a resource itself. */
    default Optional<ReservationId> reservationIdIfAny() {
        return switch (this) {
            case ReservationPlaced placed -> Optional.of(placed.reservationId());
            case ReservationCancelled cancelled -> Optional.of(cancelled.reservationId());
            case ReservationRejected rejected -> Optional.of(rejected.reservationId());
            case ReservationConfirmed confirmed -> Optional.of(confirmed.reservationId());
            case ReservationRescheduled rescheduled -> Optional.of(rescheduled.reservationId());
            case ResourceDefined defined -> Optional.empty();
        };
    }

    /** What the event is about, as CloudEvents' {@code subject}: the reservation's id, or the resource's. */
    default String subject() {
        return reservationIdIfAny()
                .map(ReservationId::toString)
                .orElse(resourceId().value());
    }

    /**
     * The kind of fact, as the live view and the metrics name it: {@code placed}, {@code cancelled}, {@code rejected},
     * {@code confirmed}, {@code rescheduled} or {@code resource.defined}.
     */
    default String kind() {
        return switch (this) {
            case ReservationPlaced placed -> "placed";
            case ReservationCancelled cancelled -> "cancelled";
            case ReservationRejected rejected -> "rejected";
            case ReservationConfirmed confirmed -> "confirmed";
            case ReservationRescheduled rescheduled -> "rescheduled";
            case ResourceDefined defined -> "resource.defined";
        };
    }

    /** The reservation's resource; it orders events (all events of a resource share one Kafka partition). */
    ResourceId resourceId();
}
