package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.application.port.out.ReservationLog;
import io.github.reservekit.reservation.domain.ResourceId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

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
        if (known.isEmpty()) {
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

    /** Kafka's default partition for a record keyed by the resourceId (murmur2, as the producer computes it). */
    static int partitionOf(ResourceId resource, int partitions) {
        return Utils.toPositive(Utils.murmur2(resource.value().getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
