package io.github.reservekit.kafka.read;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link KafkaReservationFollower} has done so far, for metrics, health and logs. Counters only grow.
 *
 * @param state the follower's state when the snapshot was taken
 * @param records records read, by what became of them (every outcome present, zero when none)
 * @param pollFailures failed attempts to read the topic (brokers unreachable, authorization...); retried
 * @param replayedRecords records read until caught up: the replay's size; 0 until then
 * @param replayDuration from the start of the replay until caught up; {@link Duration#ZERO} until then
 * @param lastSkipped the most recent skipped or failed records (at most {@value FollowerRecords#SKIPPED_KEPT}),
 *     oldest first, with their positions
 */
public record FollowerStats(
        FollowerState state,
        Map<RecordOutcome, Long> records,
        long pollFailures,
        long replayedRecords,
        Duration replayDuration,
        List<FollowedRecord> lastSkipped) {

    public FollowerStats {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(replayDuration, "replayDuration");
        var all = new EnumMap<RecordOutcome, Long>(RecordOutcome.class);
        for (RecordOutcome outcome : RecordOutcome.values()) {
            all.put(outcome, records.getOrDefault(outcome, 0L));
        }
        records = Collections.unmodifiableMap(all);
        lastSkipped = List.copyOf(lastSkipped);
    }

    /** How many records had this outcome. */
    public long count(RecordOutcome outcome) {
        return records.get(outcome);
    }

    /** Records read, of any kind. */
    public long recordsRead() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records skipped because they are not events this reader can apply: malformed, unknown type or version. */
    public long skipped() {
        return records.entrySet().stream()
                .filter(entry -> entry.getKey().skipped())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** The replay's speed in records per second; 0 until caught up. */
    public double replayRecordsPerSecond() {
        long nanos = replayDuration.toNanos();
        return nanos == 0 ? 0 : replayedRecords * 1e9 / nanos;
    }

    /**
     * The health details both shells show, in one shape: the state, the replay's size, the records skipped by
     * outcome and where the latest ones sit ({@code topic-partition@offset}: what to look at with
     * {@code kafka-console-consumer --partition P --offset O --max-messages 1}).
     */
    public Map<String, Object> details() {
        var details = new LinkedHashMap<String, Object>();
        details.put("state", state.name());
        details.put("replayedRecords", replayedRecords);
        details.put("skipped", skipped());
        var byOutcome = new LinkedHashMap<String, Long>();
        records.forEach((outcome, count) -> {
            if (count > 0 && (outcome.skipped() || outcome == RecordOutcome.APPLY_FAILURE)) {
                byOutcome.put(outcome.tag(), count);
            }
        });
        details.put("skippedByOutcome", byOutcome);
        details.put(
                "lastSkipped",
                lastSkipped.stream()
                        .map(record ->
                                record.position() + " " + record.outcome().tag() + ": " + record.detail())
                        .toList());
        return details;
    }
}
