package io.github.reservekit.spring;

import io.github.reservekit.kafka.FollowerStats;
import io.github.reservekit.kafka.KafkaPublisherSettings;
import io.github.reservekit.kafka.KafkaReservationFollower;
import io.github.reservekit.kafka.ReserveTopic;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka as the system of record: before the web server starts (so before any request, read or write), the
 * follower replays {@code reserve} from the beginning up to the end offsets taken at start into the repository,
 * through the core's {@link ApplyReservationEventUseCase}; then it tails the topic, so events of other instances
 * show up here. Readiness ({@code /actuator/health/readiness}) includes the follower: DOWN should it fail.
 */
@Configuration(proxyBeanMethods = false)
class SystemOfRecordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SystemOfRecordConfiguration.class);

    /** Blocks start-up until caught up (at most {@code reservekit.replay-timeout}); closed before the repository. */
    @Bean(destroyMethod = "close")
    KafkaReservationFollower reservationFollower(
            KafkaPublisherSettings settings,
            ReserveTopic provisionedTopic,
            ApplyReservationEventUseCase applyEvent,
            ReserveKitProperties reserveKit) {
        var follower = KafkaReservationFollower.create(settings, applyEvent);
        var stats = follower.replay(reserveKit.replayTimeout());
        log.info(
                "Replayed {} records of {} in {} ms ({} applied, {} skipped); following it now",
                stats.replayedRecords(),
                follower.topic(),
                stats.replayDuration().toMillis(),
                stats.applied(),
                stats.skipped());
        return follower;
    }

    @Bean("replay")
    HealthIndicator replayHealthIndicator(KafkaReservationFollower follower) {
        return () -> {
            var stats = follower.stats();
            var health = follower.isCaughtUp() ? Health.up() : Health.down();
            return health.withDetail("state", stats.state().name())
                    .withDetail("replayedRecords", stats.replayedRecords())
                    .withDetail("skipped", stats.skipped())
                    .build();
        };
    }

    /** {@code reservekit_follower_records_total{outcome=...}} and the follower's state as a gauge. */
    @Bean
    MeterBinder followerMetrics(KafkaReservationFollower follower) {
        Map<String, ToLongFunction<FollowerStats>> outcomes = Map.of(
                "applied", FollowerStats::applied,
                "already-applied", FollowerStats::alreadyApplied,
                "double-booking", FollowerStats::doubleBookings,
                "unknown-reservation", FollowerStats::unknownReservations,
                "malformed", FollowerStats::skippedMalformed,
                "unknown-type", FollowerStats::skippedUnknownType,
                "unsupported-version", FollowerStats::skippedUnsupportedVersion,
                "apply-failure", FollowerStats::applyFailures);
        return registry -> {
            outcomes.forEach((outcome, counter) -> FunctionCounter.builder(
                            "reservekit.follower.records", follower, f -> counter.applyAsLong(f.stats()))
                    .description("Records the follower read from the topic, by what became of them")
                    .tag("outcome", outcome)
                    .register(registry));
            Gauge.builder("reservekit.follower.caught.up", follower, f -> f.isCaughtUp() ? 1 : 0)
                    .description("1 while the follower has replayed the topic and follows it")
                    .register(registry);
        };
    }
}
