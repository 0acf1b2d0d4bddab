package io.github.reservekit.kafka.write;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the latest writes actually did, for health: the topic's metadata can look healthy while writes fail (with
 * two of three brokers down the controller quorum is lost and the metadata keeps showing a full ISR; an ACL removed
 * refuses every write of a topic that looks fine), so a write that failed, retriably or not, with no success since,
 * means writes are failing now. Thread-safe.
 */
public final class WriteOutcomes {

    /**
     * Writes are failing: the latest failure, with no success after it.
     *
     * @param at when it failed
     * @param reason why, for health details
     * @param retriable whether a retry can succeed without anyone changing anything
     * @param partition the partition it was for, where a probe goes; null when the producer chose it
     */
    public record Failing(Instant at, String reason, boolean retriable, Integer partition) {}

    private final Clock clock;
    private Instant lastSuccess = Instant.EPOCH; // guarded by this
    private Failing lastFailure; // guarded by this

    WriteOutcomes(Clock clock) {
        this.clock = clock;
    }

    synchronized void succeeded() {
        lastSuccess = clock.instant();
        lastFailure = null;
    }

    synchronized void failed(boolean retriable, String reason, Integer partition) {
        lastFailure = new Failing(clock.instant(), reason, retriable, partition);
    }

    /** The failure writes are in, if the latest outcome was a failure. */
    public synchronized Optional<Failing> failing() {
        return Optional.ofNullable(lastFailure);
    }

    /** When a write last succeeded; {@link Instant#EPOCH} if none did yet. */
    public synchronized Instant lastSuccess() {
        return lastSuccess;
    }
}
