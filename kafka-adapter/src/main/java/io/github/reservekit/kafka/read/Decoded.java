package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.Objects;

/**
 * What {@link ReservationRecordDecoder} made of one record: a reservation event, or why it is not one. A reader
 * switches over it and goes on with the next record whatever it is; nothing is thrown from the poll loop.
 */
public sealed interface Decoded
        permits Decoded.Event, Decoded.Malformed, Decoded.UnknownType, Decoded.UnsupportedVersion {

    /**
     * A reservation event of a type and version this reader knows.
     *
     * @param event the domain event, equal to the one that was published
     */
    record Event(ReservationEvent event) implements Decoded {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A record that cannot be read (a poison pill): not a CloudEvent, invalid JSON, a missing or invalid field.
     *
     * @param reason what is wrong, for logs and dead-letter handling
     */
    record Malformed(String reason) implements Decoded {}

    /**
     * A valid CloudEvent of a type this reader does not know; CONTRACT.md says readers ignore it.
     *
     * @param type its {@code ce_type}
     */
    record UnknownType(String type) implements Decoded {}

    /**
     * A reservation event of a version this reader does not know (e.g. {@code ...placed.v2}), or a CloudEvents
     * spec version other than 1.0.
     *
     * @param type its {@code ce_type}, or null when the spec version was not understood
     * @param reason what was not supported
     */
    record UnsupportedVersion(String type, String reason) implements Decoded {}
}
