package io.github.reservekit.kafka.write;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.reservation.application.port.out.WriteAdmission;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writers' admission control on Netflix's concurrency-limits: a bound on the writes this instance has in flight
 * that follows their measured latency (the time from admission to the fold's decision), so it settles near what
 * Kafka and this machine currently absorb instead of being a fixed queue. {@link Gradient2Limit} compares the recent
 * latency with its long-term average: while writes slow down the bound shrinks (down to {@code min}), while they
 * keep their pace it grows (up to {@code max}); a write that timed out is reported as a drop, which Gradient2 counts
 * by its (long) latency like any other sample.
 * A write beyond the bound is refused on the spot; the core then publishes nothing.
 *
 * <p>Thread-safe; holds no thread and no timer.
 */
public final class ConcurrencyLimitWriteAdmission implements WriteAdmission {

    /** How many writes may be in flight at the start, before any latency was measured. */
    static final int INITIAL_LIMIT = 20;

    private final SimpleLimiter<Void> limiter;
    private final LongAdder refused = new LongAdder();

    private ConcurrencyLimitWriteAdmission(SimpleLimiter<Void> limiter) {
        this.limiter = limiter;
    }

    /**
     * The bound the settings ask for, from {@code reservekit.min-writes-in-flight} to
     * {@code reservekit.max-writes-in-flight}; none when the maximum is 0 (admission control off).
     */
    public static Optional<ConcurrencyLimitWriteAdmission> of(ReserveKitSettings settings) {
        return settings.maxWritesInFlight() == ReserveKitSettings.UNBOUNDED_WRITES_IN_FLIGHT
                ? Optional.empty()
                : Optional.of(between(settings.minWritesInFlight(), settings.maxWritesInFlight()));
    }

    /**
     * A bound that adapts between {@code min} and {@code max} writes in flight.
     *
     * @throws IllegalArgumentException unless {@code 1 <= min <= max}
     */
    public static ConcurrencyLimitWriteAdmission between(int min, int max) {
        if (min < 1 || min > max) {
            throw new IllegalArgumentException("writes in flight: need 1 <= min <= max, was " + min + " and " + max);
        }
        var limit = Gradient2Limit.newBuilder()
                .minLimit(min)
                .initialLimit(Math.clamp(INITIAL_LIMIT, min, max))
                .maxConcurrency(max)
                .build();
        return new ConcurrencyLimitWriteAdmission(SimpleLimiter.newBuilder()
                .named("reservekit-writes")
                .limit(limit)
                .build());
    }

    @Override
    public Optional<Admitted> tryAdmit() {
        Optional<Limiter.Listener> listener = limiter.acquire(null);
        if (listener.isEmpty()) {
            refused.increment();
            return Optional.empty();
        }
        var admitted = listener.get();
        return Optional.of(new Admitted() {
            @Override
            public void decided() {
                admitted.onSuccess();
            }

            @Override
            public void timedOut() {
                admitted.onDropped();
            }

            @Override
            public void ignored() {
                admitted.onIgnore();
            }
        });
    }

    @Override
    public boolean atLimit() {
        return limiter.getInflight() >= limiter.getLimit();
    }

    /** The bound now: how many writes may be in flight at once. */
    @Override
    public int bound() {
        return limiter.getLimit();
    }

    /** The writes in flight now. */
    public int inFlight() {
        return limiter.getInflight();
    }

    /** The writes refused so far. */
    public long refused() {
        return refused.sum();
    }
}
