package io.github.reservekit.spring;

import io.github.reservekit.kafka.ReserveTopic;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP only when an event can be published durably right now: the topic exists and every partition has at least
 * {@code min.insync.replicas} replicas in sync. One broker of three restarting leaves it UP (RF 3, min ISR 2).
 */
@Component("kafkaPublishing")
class KafkaPublishingHealthIndicator implements HealthIndicator {

    private final ReserveTopic topic;

    KafkaPublishingHealthIndicator(ReserveTopic topic) {
        this.topic = topic;
    }

    @Override
    public Health health() {
        var health = topic.health();
        var builder = health.canPublish() ? Health.up() : Health.down();
        return builder.withDetail("topic", health.toString()).build();
    }
}
