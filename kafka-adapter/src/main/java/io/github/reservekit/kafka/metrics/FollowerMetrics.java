package io.github.reservekit.kafka.metrics;

import io.github.reservekit.kafka.FollowerStats;
import io.github.reservekit.kafka.KafkaReservationFollower;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A follower's counters in Micrometer: {@code reservekit.follower.records} tagged by {@code outcome}
 * ({@code applied}, {@code already-applied}, {@code double-booking}, {@code unknown-reservation},
 * {@code malformed}, {@code unknown-type}, {@code unsupported-version}, {@code apply-failure}), and
 * {@code reservekit.follower.caught.up} (1 while caught up and following). Alert on {@code double-booking} and
 * {@code apply-failure}.
 */
public final class FollowerMetrics implements MeterBinder {

    private static final Map<String, ToLongFunction<FollowerStats>> OUTCOMES = Map.of(
            "applied", FollowerStats::applied,
            "already-applied", FollowerStats::alreadyApplied,
            "double-booking", FollowerStats::doubleBookings,
            "unknown-reservation", FollowerStats::unknownReservations,
            "malformed", FollowerStats::skippedMalformed,
            "unknown-type", FollowerStats::skippedUnknownType,
            "unsupported-version", FollowerStats::skippedUnsupportedVersion,
            "apply-failure", FollowerStats::applyFailures);

    private final KafkaReservationFollower follower;

    public FollowerMetrics(KafkaReservationFollower follower) {
        this.follower = Objects.requireNonNull(follower, "follower");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        OUTCOMES.forEach((outcome, counter) -> FunctionCounter.builder(
                        "reservekit.follower.records", follower, f -> counter.applyAsLong(f.stats()))
                .description("Records the follower read from the topic, by what became of them")
                .tag("outcome", outcome)
                .register(registry));
        Gauge.builder("reservekit.follower.caught.up", follower, f -> f.isCaughtUp() ? 1 : 0)
                .description("1 while the follower has replayed the topic and follows it")
                .register(registry);
    }
}
