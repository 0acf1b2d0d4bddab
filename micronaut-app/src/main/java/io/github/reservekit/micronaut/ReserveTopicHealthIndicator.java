package io.github.reservekit.micronaut;

import io.github.reservekit.kafka.ReserveTopic;
import io.github.reservekit.kafka.TopicHealth;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} is UP only while this app can publish to its topic: the topic exists and every partition has
 * a leader and at least {@code min.insync.replicas} in-sync replicas (the adapter's {@link TopicHealth}), the
 * same meaning as spring-app's. Runs the admin calls on Micronaut's I/O executor, never the event loop.
 */
@Requires(property = "kafka.enabled", notEquals = "false")
@Singleton
class ReserveTopicHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ReserveTopic topic;

    ReserveTopicHealthIndicator(ReserveTopic topic) {
        this.topic = topic;
    }

    @Override
    public String getName() {
        return "kafkaPublishing";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        TopicHealth health = topic.health();
        healthStatus = health.canPublish() ? HealthStatus.UP : HealthStatus.DOWN;
        var details = new LinkedHashMap<String, Object>();
        details.put("topic", health.topic());
        details.put("reachable", health.reachable());
        details.put("exists", health.exists());
        details.put("partitions", health.partitions());
        details.put("replicationFactor", health.replicationFactor());
        details.put("minInsyncReplicas", health.minInsyncReplicas());
        details.put("partitionsUnableToAcceptWrites", health.partitionsUnableToAcceptWrites());
        details.put("problems", health.problems());
        return details;
    }
}
