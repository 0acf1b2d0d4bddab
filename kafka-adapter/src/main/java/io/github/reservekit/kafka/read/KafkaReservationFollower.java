package io.github.reservekit.kafka.read;

import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's one reader of the topic: it replays it from the beginning ({@link #replay}), then follows it, in
 * one thread, folding every event in partition order through the core's {@link ApplyReservationEventUseCase} and
 * telling {@link FollowerListener}s (the live view, metrics). It assigns every partition itself (no group, no
 * committed offset). Unreadable records are skipped alike by every instance, counted and reported with their
 * position; failed polls are retried every second; only an {@link Error} ends it ({@link FollowerState#FAILED}).
 * Thread-safe; {@link #close()} is idempotent. The guarantees in full: docs/kafka-adapter.md.
 */
public final class KafkaReservationFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReservationFollower.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<?, byte[]> consumer;
    private final boolean ownsConsumer;
    private final String topic;
    private final FollowerRecords records;

    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile FollowerState state = FollowerState.NEW;
    private Thread thread; // guarded by this
    private final FollowerLoop loop;

    private KafkaReservationFollower(
            Consumer<?, byte[]> consumer,
            boolean ownsConsumer,
            String topic,
            ApplyReservationEventUseCase events,
            RecordTracing tracing) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.ownsConsumer = ownsConsumer;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.records = new FollowerRecords(events, tracing);
        this.loop = new FollowerLoop(consumer, topic, records, this::caughtUp);
    }

    /**
     * A follower of {@code topic} with its own consumer ({@link ConsumerSettings}), folding into {@code events}.
     *
     * @throws IllegalArgumentException if Kafka rejects the consumer configuration
     */
    public static KafkaReservationFollower create(
            String topic, Map<String, ?> kafkaProperties, ApplyReservationEventUseCase events) {
        Objects.requireNonNull(events, "events");
        return new KafkaReservationFollower(
                ConsumerSettings.createConsumer(kafkaProperties), true, topic, events, RecordTracing.NONE);
    }

    /**
     * A follower on a consumer built from {@link ConsumerSettings#consumerProperties(Map)} (e.g. by a framework),
     * used by no other thread; {@link #close()} closes it only when {@code owned}.
     */
    public static KafkaReservationFollower using(
            Consumer<?, byte[]> consumer, boolean owned, String topic, ApplyReservationEventUseCase events) {
        return using(consumer, owned, topic, events, RecordTracing.NONE);
    }

    /** As {@link #using(Consumer, boolean, String, ApplyReservationEventUseCase)}, each record handled in its trace. */
    public static KafkaReservationFollower using(
            Consumer<?, byte[]> consumer,
            boolean owned,
            String topic,
            ApplyReservationEventUseCase events,
            RecordTracing tracing) {
        return new KafkaReservationFollower(consumer, owned, topic, events, tracing);
    }

    /** Tells {@code listener} of every record read from now on. */
    public void addListener(FollowerListener listener) {
        records.addListener(listener);
    }

    /** Starts the replay, then the tail, in the follower's thread; returns at once. @throws IllegalStateException if already started or closed */
    public synchronized void start() {
        if (state != FollowerState.NEW) {
            throw new IllegalStateException("the follower of " + topic + " is " + state + ", it starts only once");
        }
        state = FollowerState.REPLAYING;
        thread = Thread.ofPlatform()
                .name("reservekit-follower-" + topic)
                .daemon(true)
                .start(this::run);
    }

    /**
     * Starts (if not started yet) and waits until caught up; the tail goes on in the background.
     *
     * @throws IllegalStateException if not caught up within {@code timeout} (it keeps trying; close it to give up)
     */
    public FollowerStats replay(Duration timeout) {
        synchronized (this) {
            if (state == FollowerState.NEW) {
                start();
            }
        }
        if (!awaitCaughtUp(timeout)) {
            var stats = stats();
            throw new IllegalStateException("the follower of " + topic + " did not catch up within " + timeout
                    + " (" + stats.state() + ", " + stats.recordsRead() + " records read, " + stats.pollFailures()
                    + " failed polls)");
        }
        return stats();
    }

    /**
     * Waits until caught up, at most {@code timeout}.
     *
     * @return {@link #isCaughtUp()}: false on timeout, failure, close or interruption (the interrupt flag stays
     *     set)
     */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            caughtUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return isCaughtUp();
    }

    /** Caught up and still following: what a readiness check reports as UP. */
    public boolean isCaughtUp() {
        return state == FollowerState.FOLLOWING;
    }

    public FollowerState state() {
        return state;
    }

    public String topic() {
        return topic;
    }

    /** The counters so far. */
    public FollowerStats stats() {
        return new FollowerStats(
                state,
                records.counts(),
                loop.pollFailures(),
                loop.replayedRecords(),
                loop.replayDuration(),
                records.lastSkipped());
    }

    /**
     * Stops reading: wakes the consumer up, waits at most 10 s for the thread to end, and closes the consumer if
     * the follower owns it. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (state == FollowerState.CLOSED) {
                return;
            }
            loop.stop();
            running = thread;
        }
        if (running == null && ownsConsumer) {
            closeConsumer();
        } else if (running != null) {
            consumer.wakeup();
            try {
                if (!running.join(CLOSE_TIMEOUT)) {
                    LOG.warn("The follower of {} did not stop within {}", topic, CLOSE_TIMEOUT);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        state = FollowerState.CLOSED;
        caughtUp.countDown();
    }

    // CloseOptions, which replaces close(Duration), is Kafka 4.1+; the adapter also runs on kafka-clients 3.9
    // (micronaut-kafka 5.9), so it keeps the older call.
    @SuppressWarnings("deprecation")
    private void closeConsumer() {
        consumer.close(CLOSE_TIMEOUT);
    }

    private boolean closing() {
        return loop.closing();
    }

    private void run() {
        try {
            loop.run();
        } catch (Throwable fatal) {
            if (!closing()) {
                state = FollowerState.FAILED;
                LOG.error("The follower of {} stopped: the local state no longer follows the topic", topic, fatal);
            }
        } finally {
            caughtUp.countDown();
            if (ownsConsumer) {
                try {
                    closeConsumer();
                } catch (RuntimeException ignored) {
                    // Closing: nothing more to read, and nothing the caller could do about it.
                }
            }
        }
    }

    /** The replay reached the end offsets: following from now on (unless closed meanwhile). */
    private void caughtUp() {
        synchronized (this) {
            if (state == FollowerState.REPLAYING) {
                state = FollowerState.FOLLOWING;
            }
        }
        caughtUp.countDown();
    }

    AppliedPositions positions() { // for KafkaReservationLog
        return loop.positions();
    }

    List<TopicPartition> assigned() { // empty until the topic was found
        return loop.assigned();
    }

    /**
     * How many partitions of the topic this follower reads: every partition the topic had when the replay began (0
     * before). A topic that has another count now grew since (CONTRACT.md section 4.5).
     */
    public int followedPartitions() {
        return loop.assigned().size();
    }
}
