package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * One record the follower read, and what became of it: what {@link FollowerListener}s are told and what health
 * details show for skipped records.
 *
 * @param topic the topic
 * @param partition its partition
 * @param offset its offset
 * @param event the event, when the record was one this reader can read
 * @param outcome what became of it
 * @param detail why it was skipped or failed; empty otherwise
 */
public record FollowedRecord(
        String topic,
        int partition,
        long offset,
        Optional<ReservationEvent> event,
        RecordOutcome outcome,
        String detail) {

    public FollowedRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** Where the record sits, as {@code topic-partition@offset}: the position to look at with the CLI. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
