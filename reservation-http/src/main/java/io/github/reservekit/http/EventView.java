package io.github.reservekit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.reservekit.reservation.domain.event.ReservationEvent;

/**
 * One event of the live view ({@code GET /reservations/events?after=N}): what happened, to which reservation,
 * and where it sits on the topic.
 *
 * @param sequence this instance's arrival number, increasing by one per event seen; pass it as {@code after}
 * @param type {@code placed}, {@code cancelled}, {@code rejected}, {@code confirmed}, {@code rescheduled} or
 *     {@code resource.defined}
 * @param reservationId the reservation's id; absent for {@code resource.defined}
 */
public record EventView(
        long sequence,
        String eventId,
        String type,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reservationId,
        String resourceId,
        String occurredAt,
        int partition,
        long offset) {

    public static EventView of(long sequence, ReservationEvent event, int partition, long offset) {
        return new EventView(
                sequence,
                event.eventId().toString(),
                event.kind(),
                event.reservationIdIfAny().map(Object::toString).orElse(null),
                event.resourceId().value(),
                event.occurredAt().toString(),
                partition,
                offset);
    }
}
