package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** The two health indicators, the same meaning and details as spring-app's. */
final class ReserveKitHealth {

    private ReserveKitHealth() {}

    /**
     * {@code kafkaPublishing}: UP only while this app can publish to its topic (it exists, every partition has a
     * leader and at least {@code min.insync.replicas} in sync). Runs on Micronaut's I/O executor, never the event
     * loop.
     */
    @Singleton
    @Requires(property = "reservekit.enabled", notEquals = "false")
    @Requires(property = "kafka.enabled", notEquals = "false")
    static final class Publishing extends AbstractHealthIndicator<Map<String, Object>> {
        private final ReserveKitKafka reserveKit;

        Publishing(ReserveKitKafka reserveKit) {
            this.reserveKit = reserveKit;
        }

        @Override
        public String getName() {
            return "kafkaPublishing";
        }

        @Override
        protected Map<String, Object> getHealthInformation() {
            var health = reserveKit.publishingHealth();
            healthStatus = health.canPublish() ? HealthStatus.UP : HealthStatus.DOWN;
            return health.details();
        }
    }

    /** {@code replay}: UP while the follower is caught up; its details show skipped records and where they sit. */
    @Singleton
    @Readiness
    @Requires(property = "reservekit.enabled", notEquals = "false")
    @Requires(property = "kafka.enabled", notEquals = "false")
    static final class Replay extends AbstractHealthIndicator<Map<String, Object>> {
        private final ReserveKitKafka reserveKit;

        Replay(ReserveKitKafka reserveKit) {
            this.reserveKit = reserveKit;
        }

        @Override
        public String getName() {
            return "replay";
        }

        @Override
        protected Map<String, Object> getHealthInformation() {
            var follower = reserveKit.follower();
            healthStatus = follower.isCaughtUp() ? HealthStatus.UP : HealthStatus.DOWN;
            return follower.stats().details();
        }
    }
}
