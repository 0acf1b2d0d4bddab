package io.github.reservekit.reservation.application.port.out;

import io.github.reservekit.reservation.domain.event.ReservationEvent;

/**
 * Publishes the events of reservations, the outbound port the core decides through: a reservation or a
 * cancellation exists only once its event is published.
 *
 * <p>Implementations must be thread-safe, keep the order of events of one resource, and publish each event
 * at most once per call.
 */
@FunctionalInterface
public interface ReservationPublisher {

    /**
     * Publishes one event and returns only once it is durably accepted (for Kafka: acknowledged by all
     * in-sync replicas). Returns or throws within a bound the implementation documents.
     *
     * @throws PublicationFailedException if the event was not durably accepted; whether it may still appear
     *     later is unknown only for a timed-out attempt, which is why consumers deduplicate by event id
     * @throws NullPointerException if {@code event} is null
     */
    void publish(ReservationEvent event);
}
