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

    /** One indicator: its name, and by what ReserveKit says, UP or DOWN with the details to show. */
    abstract static class Indicator extends AbstractHealthIndicator<Map<String, Object>> {
        private final String name;
        final ReserveKitKafka reserveKit;

        Indicator(String name, ReserveKitKafka reserveKit) {
            this.name = name;
            this.reserveKit = reserveKit;
        }

        /** Whether UP, with the details (read once, so both tell of the same moment). */
        abstract Map.Entry<Boolean, Map<String, Object>> check();

        @Override
        public String getName() {
            return name;
        }

        @Override
        protected Map<String, Object> getHealthInformation() {
            var check = check();
            healthStatus = check.getKey() ? HealthStatus.UP : HealthStatus.DOWN;
            return check.getValue();
        }
    }

    /**
     * {@code kafkaPublishing}: UP only while this app can publish to its topic (it exists, every partition has a
     * leader and at least {@code min.insync.replicas} in sync). Runs on Micronaut's I/O executor, never the event
     * loop.
     */
    @Singleton
    @Requires(property = "reservekit.enabled", notEquals = "false")
    @Requires(property = "kafka.enabled", notEquals = "false")
    static final class Publishing extends Indicator {
        Publishing(ReserveKitKafka reserveKit) {
            super("kafkaPublishing", reserveKit);
        }

        @Override
        Map.Entry<Boolean, Map<String, Object>> check() {
            var health = reserveKit.publishingHealth();
            return Map.entry(health.canPublish(), health.details());
        }
    }

    /** {@code replay}: UP while the follower is caught up; its details show skipped records and where they sit. */
    @Singleton
    @Readiness
    @Requires(property = "reservekit.enabled", notEquals = "false")
    @Requires(property = "kafka.enabled", notEquals = "false")
    static final class Replay extends Indicator {
        Replay(ReserveKitKafka reserveKit) {
            super("replay", reserveKit);
        }

        @Override
        Map.Entry<Boolean, Map<String, Object>> check() {
            var follower = reserveKit.follower();
            return Map.entry(follower.isCaughtUp(), follower.stats().details());
        }
    }
}
