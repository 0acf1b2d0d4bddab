package io.github.reservekit.kafka;

import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.topic.TopicHealth;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic's check (describe, create if missing, verify its configuration), started at once in its own thread: it
 * needs nothing the clients need, so it runs beside their building and the replay. A blocking start waits for it; a
 * background start asks again until Kafka answers, so a missing topic gets created.
 */
final class TopicCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCheck.class);

    /** How often {@link #repeatUntilAnswered} asks again for the topic while Kafka does not answer. */
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ReserveTopic topic;
    private final String name;
    private final CompletableFuture<TopicHealth> first;
    private volatile long nanos;
    private volatile boolean stopped;

    TopicCheck(ReserveTopic topic, String name) {
        this.topic = topic;
        this.name = name;
        this.first = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                return topic.ensureExists();
            } finally {
                nanos = System.nanoTime() - started;
            }
        });
    }

    /**
     * Waits for the first check.
     *
     * @throws RuntimeException the check's own failure
     */
    TopicHealth join() {
        try {
            return first.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** How long the first check took, in nanoseconds; 0 until it ended. */
    long nanos() {
        return nanos;
    }

    /** Waits for the first check; while Kafka cannot be asked, asks again, until it answers or {@link #stop()}. */
    void repeatUntilAnswered() {
        TopicHealth health = null;
        try {
            health = first.join();
        } catch (CompletionException | CancellationException failed) {
            LOG.warn(
                    "Topic {} could not be checked yet ({}); retrying every {} s",
                    name,
                    failed.getCause(),
                    RETRY.toSeconds());
        }
        // ensureExists reports an unreachable cluster rather than throwing: asked again until it answers.
        while ((health == null || !health.reachable()) && !stopped) {
            try {
                Thread.sleep(RETRY);
                health = topic.ensureExists();
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException stillUnreachable) {
                LOG.debug("Topic {} still cannot be checked: {}", name, stillUnreachable.toString());
            }
        }
        if (health != null && health.reachable()) {
            warnIfClosedToEvents(health);
        }
    }

    /** Logs what keeps the topic from taking events, if anything does. */
    void warnIfClosedToEvents(TopicHealth health) {
        if (!health.canPublish()) {
            LOG.warn("Topic {} cannot take events yet: {}", name, health.problems());
        }
    }

    /** Ends any repetition (the first check ends by itself, as the topic's admin client closes). */
    void stop() {
        stopped = true;
    }
}
