package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event read back from the log that decides (the {@code reserve} topic), to fold into the local state: during
 * replay at start-up, or while following what every instance publishes.
 *
 * @param event the recorded event
 * @param recordedAt when the log appended it (Kafka: the record timestamp, {@code LogAppendTime}), the same for
 *     every reader; empty when unknown, and then no event is void
 */
public record ApplyReservationEventCommand(ReservationEvent event, Optional<Instant> recordedAt) {

    public ApplyReservationEventCommand {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** An event appended at {@code recordedAt}. */
    public ApplyReservationEventCommand(ReservationEvent event, Instant recordedAt) {
        this(event, Optional.of(recordedAt));
    }
}
