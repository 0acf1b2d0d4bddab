package io.github.reservekit.micronaut;

import io.github.reservekit.kafka.KafkaPublisherSettings;
import io.github.reservekit.kafka.KafkaReservationFollower;
import io.github.reservekit.kafka.ReserveTopic;
import io.github.reservekit.kafka.metrics.FollowerMetrics;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka as the system of record (spring-app's {@code SystemOfRecordConfiguration}, Micronaut style): before the
 * HTTP server starts (a {@link Context} bean is built while the context starts, the server only after), so before
 * any request, read or write, the adapter's follower replays {@code reserve} from the beginning into the
 * repository through the core's {@link ApplyReservationEventUseCase}; then it tails the topic, so events of other
 * instances (spring-app's too) show up here. Readiness ({@code /health/readiness}) includes it.
 */
@Factory
@Requires(property = "kafka.enabled", notEquals = "false")
class SystemOfRecordFactory {

    private static final Logger log = LoggerFactory.getLogger(SystemOfRecordFactory.class);

    /**
     * Blocks start-up until caught up (at most {@code reservekit.replay-timeout}); closed before the repository.
     * micronaut-kafka's consumer configuration ({@code kafka.*} with {@code kafka.consumers.default.*}, and its
     * metrics reporter) wins over the settings' consumer keys, except what the follower decides itself.
     */
    @Context
    @Bean(preDestroy = "close")
    KafkaReservationFollower reservationFollower(
            KafkaPublisherSettings settings,
            ReserveTopic provisionedTopic,
            ApplyReservationEventUseCase applyEvent,
            AbstractKafkaConsumerConfiguration<?, ?> consumer,
            ReserveKitProperties reserveKit,
            MeterRegistry meters) {
        var consumerProperties = new LinkedHashMap<String, Object>();
        consumer.getConfig().forEach((key, value) -> {
            if (!key.toString().startsWith("health.")) {
                consumerProperties.put(key.toString(), value);
            }
        });
        var follower = KafkaReservationFollower.create(settings, consumerProperties, applyEvent);
        registerMetrics(follower, meters);
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

    @Singleton
    @Readiness
    @Named("replay")
    HealthIndicator replayHealthIndicator(KafkaReservationFollower follower) {
        return new HealthIndicator() {
            @Override
            public Publisher<HealthResult> getResult() {
                var stats = follower.stats();
                var details = new LinkedHashMap<String, Object>();
                details.put("state", stats.state().name());
                details.put("replayedRecords", stats.replayedRecords());
                details.put("skipped", stats.skipped());
                return Publishers.just(
                        HealthResult.builder("replay", follower.isCaughtUp() ? HealthStatus.UP : HealthStatus.DOWN)
                                .details(details)
                                .build());
            }
        };
    }

    /**
     * {@code reservekit_follower_records_total{outcome=...}} and the follower's state as a gauge. Registered here,
     * not as a {@code MeterBinder} bean: the registry's binders are built before the registry, and the follower's
     * consumer needs the registry (micronaut-kafka's metrics reporter), which would make a cycle.
     */
    private static void registerMetrics(KafkaReservationFollower follower, MeterRegistry registry) {
        new FollowerMetrics(follower).bindTo(registry);
    }
}
