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
 * @param partition the part of the log it was read from, in whose order it was appended (Kafka: the partition;
 *     0 for a log of one part): the fold keeps each part's time monotonic (CONTRACT.md section 4.4, rule 2)
 */
public record ApplyReservationEventCommand(ReservationEvent event, Optional<Instant> recordedAt, int partition) {

    public ApplyReservationEventCommand {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, was " + partition);
        }
    }

    /** An event appended at {@code recordedAt} to partition {@code partition}. */
    public ApplyReservationEventCommand(ReservationEvent event, Instant recordedAt, int partition) {
        this(event, Optional.of(recordedAt), partition);
    }

    /** An event appended at {@code recordedAt} to a log of one partition. */
    public ApplyReservationEventCommand(ReservationEvent event, Instant recordedAt) {
        this(event, Optional.of(recordedAt), 0);
    }

    /** An event whose append time is unknown (never void), in a log of one partition. */
    public ApplyReservationEventCommand(ReservationEvent event, Optional<Instant> recordedAt) {
        this(event, recordedAt, 0);
    }
}
