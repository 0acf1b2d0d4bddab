package io.github.reservekit.springboot.autoconfigure;

import io.github.reservekit.kafka.read.KafkaReservationFollower;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps the application's readiness ({@link ReadinessState}, so {@code /actuator/health/readiness} and every probe
 * on it) at REFUSING_TRAFFIC when Boot declares it ready (ACCEPTING_TRAFFIC) before the follower has replayed the topic, with
 * no configuration of the host's health groups: start-up never waits for Kafka, traffic does.
 */
final class ReplayReadiness implements ApplicationListener<AvailabilityChangeEvent<?>>, Ordered, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayReadiness.class);

    private final KafkaReservationFollower follower;
    private volatile Thread waiting;
    private volatile boolean closed;

    ReplayReadiness(KafkaReservationFollower follower) {
        this.follower = follower;
    }

    /** Last, after Boot's {@code ApplicationAvailability} took the state it takes back. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public synchronized void onApplicationEvent(AvailabilityChangeEvent<?> change) {
        // Boot declares the app ready right after ApplicationReadyEvent; taken back at once while replaying.
        if (change.getState() != ReadinessState.ACCEPTING_TRAFFIC
                || follower.isCaughtUp()
                || !(change.getSource() instanceof ApplicationContext context)) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (waiting != null) {
            return;
        }
        LOG.info("Not ready until the follower has replayed {}", follower.topic());
        waiting = Thread.ofVirtual().name("reservekit-readiness").start(() -> {
            while (!closed && !follower.awaitCaughtUp(Duration.ofSeconds(1))) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (!closed) {
                AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            }
        });
    }

    @Override
    public void destroy() {
        closed = true;
        var thread = waiting;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
