package io.github.reservekit.kafka.read;

import io.github.reservekit.kafka.internal.ReservationWire;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the follower does with the records it polled: decode, apply through the core, count by outcome (one
 * {@link LongAdder} per {@link RecordOutcome}), log and keep the skipped ones' positions, tell the listeners.
 * Records are handled by the follower's one thread; the counters and the skipped list may be read from any.
 */
final class FollowerRecords {

    /** How many skipped records {@link FollowerStats#lastSkipped()} keeps. */
    static final int SKIPPED_KEPT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReservationFollower.class);
    private static final int PARALLEL_DECODE_MIN_RECORDS = 256;

    private final ApplyReservationEventUseCase events;
    private final RecordTracing tracing;
    private final ReservationRecordDecoder decoder = new ReservationRecordDecoder();
    private final List<FollowerListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<RecordOutcome, LongAdder> counts = new EnumMap<>(RecordOutcome.class);
    private final ArrayDeque<FollowedRecord> lastSkipped = new ArrayDeque<>(); // guarded by itself
    // The latest record timestamp (broker append time) read from each partition; the follower's thread only.
    private final Map<Integer, Long> latestTimestamps = new HashMap<>();

    FollowerRecords(ApplyReservationEventUseCase events, RecordTracing tracing) {
        this.events = Objects.requireNonNull(events, "events");
        this.tracing = Objects.requireNonNull(tracing, "tracing");
        for (RecordOutcome outcome : RecordOutcome.values()) {
            counts.put(outcome, new LongAdder());
        }
    }

    void addListener(FollowerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    Map<RecordOutcome, Long> counts() {
        var snapshot = new EnumMap<RecordOutcome, Long>(RecordOutcome.class);
        counts.forEach((outcome, count) -> snapshot.put(outcome, count.sum()));
        return snapshot;
    }

    List<FollowedRecord> lastSkipped() {
        synchronized (lastSkipped) {
            return List.copyOf(lastSkipped);
        }
    }

    /**
     * Tells the fold how far the whole log has been read: the oldest of the partitions' latest append times, once
     * every one of the {@code partitions} has given a record (an empty partition holds it back, keeping memory as
     * it is, never forgetting too early).
     */
    private void reportLogTime(int partitions) {
        if (latestTimestamps.size() >= partitions && partitions > 0) {
            long oldest = latestTimestamps.values().stream()
                    .mapToLong(Long::longValue)
                    .min()
                    .orElseThrow();
            events.logReached(Instant.ofEpochMilli(oldest));
        }
    }

    /**
     * Applies a poll's records in order, then reports how far the log of {@code partitions} partitions is read. A big batch (the replay's) is decoded in parallel first: decoding is
     * stateless and costs about as much as applying, which stays in this thread and in partition order.
     */
    void handle(ConsumerRecords<?, byte[]> records, int partitions) {
        handle(records);
        reportLogTime(partitions);
    }

    private void handle(ConsumerRecords<?, byte[]> records) {
        for (ConsumerRecord<?, byte[]> record : records) {
            latestTimestamps.merge(record.partition(), record.timestamp(), Math::max);
        }
        if (records.count() < PARALLEL_DECODE_MIN_RECORDS) {
            for (ConsumerRecord<?, byte[]> record : records) {
                traced(record, decoder.decode(record));
            }
            return;
        }
        var batch = new ArrayList<ConsumerRecord<?, byte[]>>(records.count());
        records.forEach(batch::add);
        List<Decoded> decoded = batch.parallelStream().map(decoder::decode).toList();
        for (int i = 0; i < batch.size(); i++) {
            traced(batch.get(i), decoded.get(i));
        }
    }

    /** Handles one record in the trace its headers carry (a no-op without tracing). */
    private void traced(ConsumerRecord<?, byte[]> record, Decoded decoded) {
        tracing.process(record, () -> handle(record, decoded));
    }

    private void handle(ConsumerRecord<?, byte[]> record, Decoded decoded) {
        var followed = switch (decoded) {
            case Decoded.Event event -> apply(record, event.event());
            case Decoded.Malformed malformed -> followed(record, null, RecordOutcome.MALFORMED, malformed.reason());
            case Decoded.UnknownType unknown
            when ReservationWire.PROBE.equals(unknown.type()) -> followed(record, null, RecordOutcome.PROBE, "");
            case Decoded.UnknownType unknown ->
                followed(record, null, RecordOutcome.UNKNOWN_TYPE, "unknown type " + unknown.type());
            case Decoded.UnsupportedVersion unsupported ->
                followed(record, null, RecordOutcome.UNSUPPORTED_VERSION, unsupported.reason());
        };
        counts.get(followed.outcome()).increment();
        switch (followed.outcome()) {
            case MALFORMED, UNSUPPORTED_VERSION, APPLY_FAILURE ->
                LOG.warn(
                        "Skipped record {} ({}): {}",
                        followed.position(),
                        followed.outcome().tag(),
                        followed.detail());
            case UNKNOWN_TYPE -> LOG.info("Skipped record {}: {}", followed.position(), followed.detail());
            case VOID -> LOG.info("Void {}: appended after its confirmBy", followed.position());
            default -> {}
        }
        if (!followed.detail().isEmpty()) {
            synchronized (lastSkipped) {
                if (lastSkipped.size() == SKIPPED_KEPT) {
                    lastSkipped.removeFirst();
                }
                lastSkipped.addLast(followed);
            }
        }
        for (FollowerListener listener : listeners) {
            try {
                listener.onRecord(followed);
            } catch (RuntimeException broken) {
                LOG.error("A listener of the follower failed on {}", followed.position(), broken);
            }
        }
    }

    private FollowedRecord apply(ConsumerRecord<?, byte[]> record, ReservationEvent event) {
        try {
            // The record's timestamp is the broker's append time (the topic uses LogAppendTime): the same for
            // every reader, so the fold's confirmBy rule decides alike everywhere.
            var decision = events.apply(new ApplyReservationEventCommand(
                    event, Instant.ofEpochMilli(record.timestamp()), record.partition()));
            var outcome = RecordOutcome.of(decision);
            return followed(record, event, outcome, "");
        } catch (RuntimeException bug) {
            LOG.error("Could not apply event {} about {}", event.eventId(), event.subject(), bug);
            return followed(record, event, RecordOutcome.APPLY_FAILURE, bug.toString());
        }
    }

    private static FollowedRecord followed(
            ConsumerRecord<?, byte[]> record, ReservationEvent event, RecordOutcome outcome, String detail) {
        return new FollowedRecord(
                record.topic(), record.partition(), record.offset(), Optional.ofNullable(event), outcome, detail);
    }
}
