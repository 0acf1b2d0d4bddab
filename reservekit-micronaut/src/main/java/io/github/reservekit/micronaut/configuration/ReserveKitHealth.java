package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The two health indicators, the same meaning and details as spring-app's. Each runs on Micronaut's blocking
 * executor, never the event loop.
 */
@Factory
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "kafka.enabled", notEquals = "false")
class ReserveKitHealth {

    /**
     * {@code kafkaPublishing}: UP only while this app can publish to its topic (it exists, every partition has a
     * leader and at least {@code min.insync.replicas} in sync).
     */
    @Singleton
    HealthIndicator kafkaPublishing(
            ReserveKitKafka reserveKit, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        return new Indicator("kafkaPublishing", executor, () -> {
            var health = reserveKit.publishingHealth();
            return new Check(health.canPublish(), health.details());
        });
    }

    /** {@code replay}: UP while the follower is caught up; its details show skipped records and where they sit. */
    @Singleton
    @Readiness
    HealthIndicator replay(ReserveKitKafka reserveKit, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        var follower = reserveKit.follower();
        return new Indicator(
                "replay",
                executor,
                () -> new Check(follower.isCaughtUp(), follower.stats().details()));
    }

    /** What one check found: UP or DOWN, and the details the health endpoint shows. */
    private record Check(boolean up, Map<String, Object> details) {}

    private static final class Indicator extends AbstractHealthIndicator<Map<String, Object>> {
        private final String name;
        private final Supplier<Check> check;

        Indicator(String name, ExecutorService executor, Supplier<Check> check) {
            this.name = name;
            this.check = check;
            // A bean made by a factory gets no member injection: the executor AbstractHealthIndicator injects.
            setExecutorService(executor);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        protected Map<String, Object> getHealthInformation() {
            var result = check.get();
            healthStatus = result.up() ? HealthStatus.UP : HealthStatus.DOWN;
            return result.details();
        }
    }
}
