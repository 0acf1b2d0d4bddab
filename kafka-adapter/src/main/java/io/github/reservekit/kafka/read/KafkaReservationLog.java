package io.github.reservekit.kafka.read;

import io.github.reservekit.kafka.internal.ReservationWire;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.ReservationLogSource;
import io.github.reservekit.reservation.application.port.out.ReservationLog;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The topic as the core's {@link ReservationLog}: catching up means fetching the topic's end offsets (one request
 * for every caller waiting at that moment, see {@link LogEnds}) and waiting until the follower has applied the
 * partitions asked for up to them. A resource's partition is Kafka's default for its key (the resourceId), which
 * is how the publisher's records are partitioned.
 */
public final class KafkaReservationLog implements ReservationLog {

    private final KafkaReservationFollower follower;
    private final LogEnds ends;

    /**
     * @param endOffsets asks Kafka for the end offset of every partition of the topic ({@code read_committed}), e.g.
     *     with an admin client's {@code listOffsets}
     */
    public KafkaReservationLog(KafkaReservationFollower follower, Supplier<Map<TopicPartition, Long>> endOffsets) {
        this.follower = Objects.requireNonNull(follower, "follower");
        this.ends = new LogEnds(Objects.requireNonNull(endOffsets, "endOffsets"));
    }

    @Override
    public boolean catchUp(Set<ResourceId> resources, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int partitions = follower.assigned().size();
        if (partitions == 0 || follower.state() == FollowerState.FAILED || follower.state() == FollowerState.CLOSED) {
            return false;
        }
        var known = ends.fetch(deadline - System.nanoTime());
        if (known.isEmpty() || known.get().size() != partitions) {
            // Unknown, or the topic grew: what was added is never read here, so this instance cannot catch up.
            return false;
        }
        var wanted = new HashMap<Integer, Long>();
        known.get().forEach((partition, end) -> {
            if (resources.isEmpty()
                    || resources.stream()
                            .anyMatch(resource -> partitionOf(resource, partitions) == partition.partition())) {
                wanted.put(partition.partition(), end);
            }
        });
        return follower.positions().await(wanted, deadline);
    }

    /** Kafka's default partition for a record keyed by the resourceId (murmur2, as the publisher computes it). */
    static int partitionOf(ResourceId resource, int partitions) {
        return ReservationWire.partitionOf(resource.value(), partitions);
    }

    /**
     * The topic as the core's log source: opening it builds the follower, folding into the very fold the core hands
     * over (see {@code ReservationApplication.Builder#log}), and the log the core catches up with.
     */
    public static final class Source implements ReservationLogSource {
        private final Consumer<?, byte[]> consumer;
        private final String topic;
        private final RecordTracing tracing;
        private final Supplier<Map<TopicPartition, Long>> endOffsets;
        private KafkaReservationFollower follower; // made by open(), once

        /**
         * @param consumer the follower's consumer ({@link ConsumerSettings#consumerProperties(Map)}), which the
         *     follower owns and closes
         * @param endOffsets asks Kafka for the end offset of every partition of the topic
         */
        public Source(
                Consumer<?, byte[]> consumer,
                String topic,
                RecordTracing tracing,
                Supplier<Map<TopicPartition, Long>> endOffsets) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            this.topic = Objects.requireNonNull(topic, "topic");
            this.tracing = Objects.requireNonNull(tracing, "tracing");
            this.endOffsets = Objects.requireNonNull(endOffsets, "endOffsets");
        }

        @Override
        public synchronized ReservationLog open(ApplyReservationEventUseCase fold) {
            if (follower != null) {
                throw new IllegalStateException("the log of " + topic + " is opened once");
            }
            follower = KafkaReservationFollower.using(consumer, true, topic, fold, tracing);
            return new KafkaReservationLog(follower, endOffsets);
        }

        /**
         * The follower {@link #open} made.
         *
         * @throws IllegalStateException before it was opened
         */
        public synchronized KafkaReservationFollower follower() {
            if (follower == null) {
                throw new IllegalStateException("the log of " + topic + " is not open yet");
            }
            return follower;
        }

        /** How many partitions the follower reads; 0 before it was opened or before its replay began. */
        public synchronized int followedPartitions() {
            return follower == null ? 0 : follower.followedPartitions();
        }
    }
}
