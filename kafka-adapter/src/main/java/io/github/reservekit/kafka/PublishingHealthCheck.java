package io.github.reservekit.kafka;

import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether this instance can publish now: the topic's state and what the latest writes did. While writes are
 * failing, a check sends a probe to the failing partition (at most every {@value #PROBE_INTERVAL_SECONDS} s; every
 * reader passes over it), so health returns to UP by itself once writes succeed again, even with no traffic. And the
 * topic must still have the partitions this instance follows (CONTRACT.md section 4.5): a topic that grew is DOWN.
 */
final class PublishingHealthCheck {

    /** How often a health check may probe writes while they are failing. */
    static final int PROBE_INTERVAL_SECONDS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PublishingHealthCheck.class);

    private final ReserveTopic topic;
    private final KafkaReservationPublisher publisher;
    private final IntSupplier followedPartitions;
    private final AtomicLong lastProbe =
            new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());

    PublishingHealthCheck(ReserveTopic topic, KafkaReservationPublisher publisher, IntSupplier followedPartitions) {
        this.topic = topic;
        this.publisher = publisher;
        this.followedPartitions = followedPartitions;
    }

    PublishingHealth check() {
        var topicHealth = topic.health().following(followedPartitions.getAsInt());
        var failing = publisher.outcomes().failing();
        long now = System.nanoTime();
        long last = lastProbe.get();
        if (failing.isPresent()
                && topicHealth.reachable()
                && now - last >= Duration.ofSeconds(PROBE_INTERVAL_SECONDS).toNanos()
                && lastProbe.compareAndSet(last, now)) {
            try {
                publisher.probe(failing.get().partition());
            } catch (RuntimeException stillFailing) {
                LOG.debug("Health probe failed: {}", stillFailing.toString());
            }
            failing = publisher.outcomes().failing();
        }
        return new PublishingHealth(topicHealth, failing);
    }
}
