package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the local state from the topic ({@code reserve} by default) and keeps it in sync: the topic is the
 * system of record, the repository a view of it. Framework-free; every shell and embedding program uses it the
 * same way:
 *
 * <pre>{@code
 * var follower = KafkaReservationFollower.create("reserve", consumerProperties, reservations); // the core's use case
 * follower.replay(Duration.ofMinutes(5)); // blocks until caught up; then tails in the background
 * // ... report ready, accept writes ...
 * follower.close();                       // before the publisher and the repository go away
 * }</pre>
 *
 * <p><b>Reading.</b> The follower assigns itself every partition of the topic (no consumer group: every
 * instance reads everything, and no offset is ever committed), seeks to the beginning and takes the end offsets
 * once, at start. It reads and applies in ONE background thread ({@code reservekit-follower-<topic>}): first the
 * replay, then the tail, until {@link #close()}. Only the decoding of a big poll (256 records or more, i.e.
 * during the replay) is spread over the common {@link java.util.concurrent.ForkJoinPool}; events are still
 * applied one at a time, in order, by that thread. Reads are {@code read_committed}, so events of aborted transactions
 * (of some other, transactional writer) are never applied.
 *
 * <p><b>Caught up</b> ({@link #isCaughtUp()}, {@link #awaitCaughtUp}, {@link #replay}) means: every event up to
 * the end offsets taken at start has been applied. Events written after that are applied by the tail, usually
 * within a fraction of a second (a poll returns as soon as a record arrives). A shell reports ready, and takes
 * writes, only once caught up.
 *
 * <p><b>Order.</b> Events are applied in partition order. All events of a resource share a partition (the key is
 * the resourceId), so a resource's events are applied in the order they were written; events of different
 * partitions interleave. Adding partitions to an existing topic breaks this (a resource's later events land in
 * another partition): do not.
 *
 * <p><b>Idempotence.</b> Every event goes through the core's {@link ApplyReservationEventUseCase}, which decides
 * by the domain's rules and ignores what the state already reflects. This instance's own events come back through
 * the tail and are counted as {@code already-applied}; nothing changes. A placement overlapping a CONFIRMED
 * reservation (two instances confirmed overlapping slots at the same moment) is applied and counted as a double
 * booking, and logged at WARN.
 *
 * <p><b>The only reader.</b> It is the one consumer of the topic in an instance: whatever else wants the events (a
 * live view, metrics) is a {@link FollowerListener} of it.
 *
 * <p><b>Bad records never stop it.</b> A malformed record, an unknown event type or an unsupported version stays
 * where it is (the topic keeps everything), is skipped by every reader alike, counted ({@link #stats()}), logged
 * with its topic-partition@offset and kept among {@link FollowerStats#lastSkipped()} for health details. An event whose application
 * throws (a bug, never a business outcome) is logged at ERROR with the exception, counted as an
 * {@code applyFailure} and skipped: stopping would leave the instance silently stale for every later event,
 * which is worse; alert on the counter. A failed poll (brokers unreachable) is counted and retried every second.
 * Only an {@link Error} ends the thread: the state becomes {@link State#FAILED}.
 *
 * <p><b>Threads and close.</b> Thread-safe. {@link #close()} wakes the consumer up, waits (at most 10 s) for the
 * thread to finish the event in hand, and closes the consumer if the follower built it ({@link #create}); a
 * consumer passed to {@link #using} is left open for its owner. Close the follower before whatever its use case
 * writes to. Idempotent.
 */
public final class KafkaReservationFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReservationFollower.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<?, byte[]> consumer;
    private final boolean ownsConsumer;
    private final String topic;
    private final FollowerRecords records;

    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile FollowerState state = FollowerState.NEW;
    private Thread thread; // guarded by this

    private final LongAdder pollFailures = new LongAdder();
    private volatile long replayedRecords;
    private volatile Duration replayDuration = Duration.ZERO;

    private KafkaReservationFollower(
            Consumer<?, byte[]> consumer, boolean ownsConsumer, String topic, ApplyReservationEventUseCase events) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.ownsConsumer = ownsConsumer;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.records = new FollowerRecords(events);
    }

    /**
     * A follower of {@code topic} with its own consumer, configured by {@link ConsumerSettings#consumerProperties(Map)} from the
     * given Kafka properties (bootstrap servers, security, a framework's consumer settings). Nothing is read before
     * {@link #start()}.
     *
     * @param events where events are applied: the core's use case (a {@code ReservationApplication} is one)
     * @throws IllegalArgumentException if Kafka rejects the consumer configuration
     */
    public static KafkaReservationFollower create(
            String topic, Map<String, ?> kafkaProperties, ApplyReservationEventUseCase events) {
        Objects.requireNonNull(events, "events");
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(
                    ConsumerSettings.consumerProperties(kafkaProperties),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
        } catch (KafkaException invalid) {
            throw new IllegalArgumentException("cannot create the Kafka consumer: " + invalid.getMessage(), invalid);
        }
        return new KafkaReservationFollower(consumer, true, topic, events);
    }

    /**
     * A follower on a consumer a framework (or a test) built from {@link ConsumerSettings#consumerProperties(Map)}, e.g. to bind its
     * client metrics. It must read {@code byte[]} values; it must not be subscribed, and no other thread may use it
     * between {@link #start()} and {@link #close()}. {@link #close()} closes it only when {@code owned}.
     */
    public static KafkaReservationFollower using(
            Consumer<?, byte[]> consumer, boolean owned, String topic, ApplyReservationEventUseCase events) {
        return new KafkaReservationFollower(consumer, owned, topic, events);
    }

    /** Tells {@code listener} of every record read from now on. */
    public void addListener(FollowerListener listener) {
        records.addListener(listener);
    }

    /**
     * Starts the replay, then the tail, in the follower's thread, and returns at once. Watch
     * {@link #isCaughtUp()} or wait with {@link #awaitCaughtUp}.
     *
     * @throws IllegalStateException if already started or closed
     */
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
     * Starts (if not started yet) and waits until caught up: every event up to the end offsets taken at start is
     * applied. The tail goes on in the background.
     *
     * @return what the replay did
     * @throws IllegalStateException if not caught up within {@code timeout} (the follower keeps trying; close it
     *     to give up), or if it failed or was closed
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

    /** The current state. */
    public FollowerState state() {
        return state;
    }

    /** The topic followed. */
    public String topic() {
        return topic;
    }

    /** The counters so far. */
    public FollowerStats stats() {
        return new FollowerStats(
                state, records.counts(), pollFailures.sum(), replayedRecords, replayDuration, records.lastSkipped());
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
            closing.countDown();
            running = thread;
            if (running == null) {
                state = FollowerState.CLOSED;
            }
        }
        if (running == null) {
            if (ownsConsumer) {
                closeConsumer();
            }
        } else {
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
        return closing.getCount() == 0;
    }

    private void run() {
        try {
            follow();
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

    private void follow() {
        Map<TopicPartition, Long> remaining = null; // partitions still short of their end offset at start
        long replayStart = System.nanoTime();
        while (!closing()) {
            try {
                if (remaining == null) {
                    remaining = beginReplay();
                    replayStart = System.nanoTime();
                    if (remaining == null) {
                        continue; // the topic has no partitions (yet): retried after the backoff
                    }
                }
                if (state == FollowerState.REPLAYING) {
                    remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
                    if (remaining.isEmpty()) {
                        caughtUp(replayStart);
                    }
                }
                records.handle(consumer.poll(POLL_TIMEOUT));
            } catch (WakeupException | InterruptException stop) {
                if (!closing()) {
                    pollFailures.increment();
                    LOG.warn("The follower of {} was woken up or interrupted without being closed; going on", topic);
                    Thread.interrupted();
                }
            } catch (KafkaException failure) {
                pollFailures.increment();
                LOG.warn("Reading {} failed, retrying in {}: {}", topic, RETRY_BACKOFF, failure.toString());
                backOff();
            }
        }
    }

    /** Assigns every partition from the beginning and returns the end offsets; null if there are none yet. */
    private Map<TopicPartition, Long> beginReplay() {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (partitions.isEmpty()) {
            pollFailures.increment();
            LOG.warn("Topic {} has no partitions (does it exist?); retrying in {}", topic, RETRY_BACKOFF);
            backOff();
            return null;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        LOG.info("Replaying {} from the beginning up to the end offsets {}", topic, ends);
        return ends;
    }

    private void caughtUp(long replayStart) {
        var before = stats();
        replayedRecords = before.recordsRead();
        replayDuration = Duration.ofNanos(System.nanoTime() - replayStart);
        synchronized (this) {
            if (state == FollowerState.REPLAYING) {
                state = FollowerState.FOLLOWING;
            }
        }
        caughtUp.countDown();
        var stats = stats();
        LOG.info(
                "Replayed {}: {} records in {} ms ({} records/s), by outcome {}; following it now",
                topic,
                stats.replayedRecords(),
                stats.replayDuration().toMillis(),
                Math.round(stats.replayRecordsPerSecond()),
                stats.records());
    }

    private void backOff() {
        try {
            closing.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
