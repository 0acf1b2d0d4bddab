package io.github.reservekit.kafka.topic;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ReserveTopic} found about the topic: whether the adapter can publish to it now, and whether it is
 * weaker than the adapter would configure it. A shell's health indicator reports UP when {@link #canPublish()}.
 *
 * @param topic the topic's name
 * @param reachable whether the cluster answered within the publish timeout
 * @param exists whether the topic exists
 * @param partitions its partition count (0 if it does not exist)
 * @param replicationFactor its smallest partition replication factor (0 if it does not exist)
 * @param minInsyncReplicas its effective {@code min.insync.replicas} (0 if it does not exist)
 * @param wantedReplicationFactor {@code min(3, brokers)}
 * @param wantedMinInsyncReplicas {@code min(2, wantedReplicationFactor)}
 * @param partitionsUnableToAcceptWrites partitions without a leader or with fewer in-sync replicas than
 *     {@code min.insync.replicas}, where an {@code acks=all} write fails
 * @param retentionMs its {@code retention.ms}: -1 keeps events forever, as a system of record needs;
 *     {@link #UNKNOWN} when it does not exist or did not answer
 * @param retentionBytes its {@code retention.bytes} per partition: -1 means no size limit; {@link #UNKNOWN}
 *     when it does not exist or did not answer
 * @param cleanupPolicy its {@code cleanup.policy} ({@code delete} when the adapter creates it); empty when it
 *     does not exist or did not answer
 * @param timestampType its {@code message.timestamp.type}: {@code LogAppendTime} is what the fold needs (every
 *     reader sees the broker's append time); empty when it was not read
 * @param problems human-readable findings, empty when all is well
 * @param followedPartitions how many partitions this instance's reader follows (0 when not known here): a topic
 *     with another count cannot be published to (CONTRACT.md section 4.5)
 */
public record TopicHealth(
        String topic,
        boolean reachable,
        boolean exists,
        int partitions,
        int replicationFactor,
        int minInsyncReplicas,
        int wantedReplicationFactor,
        int wantedMinInsyncReplicas,
        int partitionsUnableToAcceptWrites,
        long retentionMs,
        long retentionBytes,
        String cleanupPolicy,
        String timestampType,
        List<String> problems,
        int followedPartitions) {

    /** {@link #retentionMs()} and {@link #retentionBytes()} when the topic's configuration was not read. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /** The {@code message.timestamp.type} the topic must have. */
    public static final String LOG_APPEND_TIME = "LogAppendTime";

    public TopicHealth {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        problems = List.copyOf(problems);
    }

    /** The cluster answered, the topic exists, and every partition can take an {@code acks=all} write. */
    public boolean canPublish() {
        return reachable
                && exists
                && partitions > 0
                && partitionsUnableToAcceptWrites == 0
                && LOG_APPEND_TIME.equals(timestampType)
                && !grownSinceFollowed();
    }

    /**
     * The topic's partition count differs from the one this instance follows (partitions were added): a resource's
     * events no longer share one partition, so no write may be made until the operator moves to a new topic.
     */
    public boolean grownSinceFollowed() {
        return exists && followedPartitions > 0 && partitions != followedPartitions;
    }

    /** This health as seen by an instance that follows {@code followed} partitions of the topic. */
    public TopicHealth following(int followed) {
        var found = new ArrayList<>(problems);
        if (exists && followed > 0 && partitions != followed) {
            found.add("topic " + topic + " has " + partitions + " partitions, but this instance follows " + followed
                    + ": partitions were added, so a resource's events no longer share one partition and writes are"
                    + " refused. Do not add partitions to it: move to a new topic with the partitions wanted"
                    + " (docs/kafka-adapter.md, \"The topic's shape\")");
        }
        return new TopicHealth(
                topic,
                reachable,
                exists,
                partitions,
                replicationFactor,
                minInsyncReplicas,
                wantedReplicationFactor,
                wantedMinInsyncReplicas,
                partitionsUnableToAcceptWrites,
                retentionMs,
                retentionBytes,
                cleanupPolicy,
                timestampType,
                found,
                followed);
    }

    /** The topic exists but keeps fewer copies, or accepts writes with fewer in-sync copies, than wanted. */
    public boolean weakerThanConfigured() {
        return exists && (replicationFactor < wantedReplicationFactor || minInsyncReplicas < wantedMinInsyncReplicas);
    }

    /**
     * The topic exists and deletes events: by time ({@code retention.ms} not -1), by size
     * ({@code retention.bytes} not -1) or by compaction. A replay then misses the reservations of the deleted
     * events; {@link #problems()} says which setting to change. Publishing is not affected.
     */
    public boolean deletesEvents() {
        return exists
                && ((retentionMs != UNKNOWN && retentionMs != ReserveKitSettings.UNLIMITED_RETENTION)
                        || (retentionBytes != UNKNOWN && retentionBytes != ReserveKitSettings.UNLIMITED_RETENTION)
                        || cleanupPolicy.contains("compact"));
    }

    /** The health details both shells show, in one shape. */
    public Map<String, Object> details() {
        var details = new LinkedHashMap<String, Object>();
        details.put("topic", topic);
        details.put("reachable", reachable);
        details.put("exists", exists);
        details.put("partitions", partitions);
        details.put("followedPartitions", followedPartitions);
        details.put("replicationFactor", replicationFactor);
        details.put("minInsyncReplicas", minInsyncReplicas);
        details.put("partitionsUnableToAcceptWrites", partitionsUnableToAcceptWrites);
        details.put("timestampType", timestampType);
        details.put("problems", problems);
        return details;
    }

    /** The health of a topic that does not exist (yet). */
    static TopicHealth missing(String topic, Replication wanted) {
        return new TopicHealth(
                topic,
                true,
                false,
                0,
                0,
                0,
                wanted.factor(),
                wanted.minInsyncReplicas(),
                0,
                UNKNOWN,
                UNKNOWN,
                "",
                "",
                List.of("topic " + topic + " does not exist"),
                0);
    }

    /** The health when Kafka did not answer. */
    static TopicHealth unreachable(String topic, Throwable cause) {
        return new TopicHealth(
                topic,
                false,
                false,
                0,
                0,
                0,
                0,
                0,
                0,
                UNKNOWN,
                UNKNOWN,
                "",
                "",
                List.of("Kafka did not answer: " + cause.getClass().getSimpleName() + ": " + cause.getMessage()),
                0);
    }
}
