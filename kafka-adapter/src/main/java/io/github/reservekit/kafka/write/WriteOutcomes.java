package io.github.reservekit.kafka.write;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the latest writes actually did, for health: the topic's metadata can look healthy while writes fail (with
 * two of three brokers down the controller quorum is lost and the metadata keeps showing a full ISR), so a write
 * that failed retriably, with no success since, means writes are failing now. Thread-safe.
 */
public final class WriteOutcomes {

    /**
     * Writes are failing: the latest retriable failure, with no success after it.
     *
     * @param at when it failed
     * @param reason why, for health details
     * @param key the record key it was for (a probe goes to the same partition)
     */
    public record Failing(Instant at, String reason, String key) {}

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

    synchronized void failed(boolean retriable, String reason, String key) {
        if (retriable) {
            lastFailure = new Failing(clock.instant(), reason, key);
        }
    }

    /** The failure writes are in, if the latest outcome was a retriable failure. */
    public synchronized Optional<Failing> failing() {
        return Optional.ofNullable(lastFailure);
    }

    /** When a write last succeeded; {@link Instant#EPOCH} if none did yet. */
    public synchronized Instant lastSuccess() {
        return lastSuccess;
    }
}
