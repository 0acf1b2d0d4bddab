package io.github.reservekit.kafka;

import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the brokers gone, a publish fails within the configured bound, retriably, and confirms nothing: both
 * for a publisher that was connected when the cluster went away and for one that never reached it. Runs its
 * own in-JVM broker, since it stops it.
 */
class BrokersGoneIT {

    private static final Duration BOUND = Duration.ofSeconds(3);
    /** Generous: the bound plus scheduling slack on a busy 2-core machine, far below Kafka's 60 s default. */
    private static final Duration ALLOWED = BOUND.multipliedBy(2).plusSeconds(2);

    private static InJvmKafkaCluster cluster;
    private static KafkaReservationPublisher connected;
    private static AdapterSettings settings;

    @BeforeAll
    static void publish_once_then_stop_the_cluster() {
        cluster = InJvmKafkaCluster.single();
        System.out.println("[kafka-local] Kafka backend: in-JVM KafkaClusterTestKit (1 broker), stopped by the test");
        settings = AdapterSettings.builder()
                .bootstrapServers(cluster.bootstrapServers())
                .topic("reserve-gone")
                .publishTimeout(BOUND)
                .build();
        try (var topic = settings.createTopic()) {
            assertThat(topic.ensureExists().canPublish()).isTrue();
        }
        connected = settings.createPublisher();
        connected.publish(placedEvent(new ResourceId("warm-up"), slot(24, 1)));
        cluster.close();
    }

    @AfterAll
    static void close() {
        if (connected != null) {
            connected.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void publish_fails_within_the_bound_when_the_brokers_are_gone() {
        long start = System.nanoTime();

        var failure = catchThrowableOfType(
                PublicationFailedException.class,
                () -> connected.publish(placedEvent(new ResourceId("table-gone"), slot(24, 1))));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "[brokers gone] connected publisher failed after %d ms (bound %d ms)%n",
                took.toMillis(), BOUND.toMillis());
        assertThat(failure).as("publish must not confirm").isNotNull();
        assertThat(failure.retriable()).isTrue();
        assertThat(took).isLessThan(ALLOWED);
    }

    @Test
    void publish_fails_within_the_bound_when_the_brokers_were_never_there() {
        try (var neverConnected = settings.createPublisher()) {
            long start = System.nanoTime();

            var failure = catchThrowableOfType(
                    PublicationFailedException.class,
                    () -> neverConnected.publish(placedEvent(new ResourceId("table-never"), slot(24, 1))));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf(
                    "[brokers gone] new publisher failed after %d ms (bound %d ms)%n",
                    took.toMillis(), BOUND.toMillis());
            assertThat(failure).isNotNull();
            assertThat(failure.retriable()).isTrue();
            assertThat(took).isLessThan(ALLOWED);
        }
    }

    @Test
    void the_topic_health_says_kafka_is_unreachable() {
        try (var topic = settings.createTopic()) {
            var health = topic.health();

            assertThat(health.reachable()).isFalse();
            assertThat(health.canPublish()).isFalse();
        }
    }
}
