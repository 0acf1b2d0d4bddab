package io.github.reservekit.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link KafkaReservationFollower} has done so far: a consistent-enough snapshot for metrics and logs
 * (each counter is read atomically, not all of them at one instant). Counters only grow, so shells can bind them
 * as monotonic counters (e.g. Micrometer's {@code FunctionCounter}).
 *
 * @param state the follower's state when the snapshot was taken
 * @param recordsRead records read from the topic, of any kind
 * @param applied events that changed the local state ({@code APPLIED})
 * @param alreadyApplied events the local state already reflected ({@code ALREADY_APPLIED}): this instance's own
 *     events, and events seen twice
 * @param doubleBookings placements applied although they overlap a CONFIRMED reservation
 *     ({@code APPLIED_DOUBLE_BOOKING}): two instances confirmed overlapping slots at the same moment
 * @param unknownReservations cancellations of reservations never placed here ({@code UNKNOWN_RESERVATION});
 *     ignored
 * @param skippedMalformed records that are not readable reservation events (poison pills); skipped
 * @param skippedUnknownType valid CloudEvents of a type this reader does not know; skipped, as CONTRACT.md says
 * @param skippedUnsupportedVersion reservation events of a version this reader does not know (a newer writer);
 *     skipped
 * @param applyFailures events whose application threw (a bug); logged at ERROR and skipped
 * @param pollFailures failed attempts to read the topic (brokers unreachable, authorization...); retried
 * @param replayedRecords records read until caught up: the replay's size; 0 until then
 * @param replayDuration from the start of the replay until caught up; {@link Duration#ZERO} until then
 */
public record FollowerStats(
        KafkaReservationFollower.State state,
        long recordsRead,
        long applied,
        long alreadyApplied,
        long doubleBookings,
        long unknownReservations,
        long skippedMalformed,
        long skippedUnknownType,
        long skippedUnsupportedVersion,
        long applyFailures,
        long pollFailures,
        long replayedRecords,
        Duration replayDuration) {

    public FollowerStats {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(replayDuration, "replayDuration");
    }

    /** Records skipped because they are not events this reader can apply: malformed, unknown type or version. */
    public long skipped() {
        return skippedMalformed + skippedUnknownType + skippedUnsupportedVersion;
    }

    /** The replay's speed in records per second; 0 until caught up. */
    public double replayRecordsPerSecond() {
        long nanos = replayDuration.toNanos();
        return nanos == 0 ? 0 : replayedRecords * 1e9 / nanos;
    }
}
