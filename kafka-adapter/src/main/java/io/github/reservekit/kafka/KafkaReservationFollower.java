package io.github.reservekit.kafka;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
 * var follower = KafkaReservationFollower.create(settings, reservations); // reservations: ApplyReservationEventUseCase
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
 * the tail and are counted as {@code alreadyApplied}; nothing changes. A placement overlapping a CONFIRMED
 * reservation (two instances confirmed overlapping slots at the same moment) is applied and counted as a double
 * booking, and logged at WARN.
 *
 * <p><b>Bad records never stop it.</b> A malformed record, an unknown event type or an unsupported version is
 * skipped, counted ({@link #stats()}) and logged with its topic-partition@offset. An event whose application
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

    /** Where the follower is. */
    public enum State {
        /** Built; {@link #start()} not called yet. */
        NEW,
        /** Reading the topic up to the end offsets taken at start. */
        REPLAYING,
        /** Caught up and applying new events as they arrive. */
        FOLLOWING,
        /** The thread died of an {@link Error}; the local state no longer follows the topic. */
        FAILED,
        /** Closed. */
        CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReservationFollower.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int PARALLEL_DECODE_MIN_RECORDS = 256;

    private final Consumer<?, byte[]> consumer;
    private final boolean ownsConsumer;
    private final String topic;
    private final ApplyReservationEventUseCase events;
    private final ReservationRecordDecoder decoder = new ReservationRecordDecoder();

    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile State state = State.NEW;
    private Thread thread; // guarded by this

    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong alreadyApplied = new AtomicLong();
    private final AtomicLong doubleBookings = new AtomicLong();
    private final AtomicLong unknownReservations = new AtomicLong();
    private final AtomicLong skippedMalformed = new AtomicLong();
    private final AtomicLong skippedUnknownType = new AtomicLong();
    private final AtomicLong skippedUnsupportedVersion = new AtomicLong();
    private final AtomicLong applyFailures = new AtomicLong();
    private final AtomicLong pollFailures = new AtomicLong();
    private volatile long replayedRecords;
    private volatile Duration replayDuration = Duration.ZERO;

    private KafkaReservationFollower(
            Consumer<?, byte[]> consumer, boolean ownsConsumer, String topic, ApplyReservationEventUseCase events) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.ownsConsumer = ownsConsumer;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * A follower of {@link KafkaPublisherSettings#topic()} with its own consumer, configured by
     * {@link #consumerProperties(KafkaPublisherSettings)}. Nothing is read before {@link #start()}.
     *
     * @param events where events are applied: the core's use case (a {@code ReservationApplication} is one)
     * @throws IllegalArgumentException if Kafka rejects the consumer configuration
     */
    public static KafkaReservationFollower create(
            KafkaPublisherSettings settings, ApplyReservationEventUseCase events) {
        return create(settings, Map.of(), events);
    }

    /**
     * As {@link #create(KafkaPublisherSettings, ApplyReservationEventUseCase)}, with consumer properties that win
     * over the settings' and the follower's defaults (e.g. a framework's consumer-only security settings), except
     * the deserializers, {@code enable.auto.commit} and {@code group.id}, which the follower decides.
     *
     * @throws IllegalArgumentException if Kafka rejects the consumer configuration
     */
    public static KafkaReservationFollower create(
            KafkaPublisherSettings settings, Map<String, ?> consumerProperties, ApplyReservationEventUseCase events) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(consumerProperties, "consumerProperties");
        Objects.requireNonNull(events, "events");
        var config = new LinkedHashMap<>(consumerProperties(settings));
        config.putAll(consumerProperties);
        forceFollowerSettings(config);
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException invalid) {
            throw new IllegalArgumentException("cannot create the Kafka consumer: " + invalid.getMessage(), invalid);
        }
        return new KafkaReservationFollower(consumer, true, settings.topic(), events);
    }

    /**
     * A follower on a consumer a framework (or a test) built, e.g. to bind its client metrics. It must read
     * {@code byte[]} values; it must not be subscribed, and no other thread may use it between {@link #start()}
     * and {@link #close()}. Use {@link #consumerProperties(KafkaPublisherSettings)} as its configuration, or at
     * least {@code enable.auto.commit=false}. {@link #close()} leaves it open.
     */
    public static KafkaReservationFollower using(
            Consumer<?, byte[]> consumer, String topic, ApplyReservationEventUseCase events) {
        return new KafkaReservationFollower(consumer, false, topic, events);
    }

    /**
     * The consumer configuration {@link #create} uses: the settings' Kafka properties that are consumer
     * properties (bootstrap servers, security...), the replay tuning ({@code max.poll.records=5000},
     * {@code max.partition.fetch.bytes=4 MiB}, {@code receive.buffer.bytes=1 MiB}), and what the follower needs:
     * no {@code group.id}, {@code enable.auto.commit=false}, {@code auto.offset.reset=earliest},
     * {@code isolation.level=read_committed}, {@code client.id} = the settings' {@code client.id} (or
     * {@code reservekit}) + {@code -follower}, byte-array deserializers.
     */
    public static Map<String, Object> consumerProperties(KafkaPublisherSettings settings) {
        var config = new LinkedHashMap<String, Object>();
        // Replay throughput: big polls and fetches; a fetch still returns as soon as one record is there, so the
        // tail's latency does not suffer (fetch.min.bytes stays 1).
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        var consumerKeys = ConsumerConfig.configNames();
        settings.kafkaProperties().forEach((key, value) -> {
            if (consumerKeys.contains(key)) {
                config.put(key, value);
            }
        });
        Object clientId = settings.kafkaProperties().get(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, (clientId == null ? "reservekit" : clientId) + "-follower");
        forceFollowerSettings(config);
        return Map.copyOf(config);
    }

    private static void forceFollowerSettings(Map<String, Object> config) {
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    }

    /**
     * Starts the replay, then the tail, in the follower's thread, and returns at once. Watch
     * {@link #isCaughtUp()} or wait with {@link #awaitCaughtUp}.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the follower of " + topic + " is " + state + ", it starts only once");
        }
        state = State.REPLAYING;
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
            if (state == State.NEW) {
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
        return state == State.FOLLOWING;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** The topic followed. */
    public String topic() {
        return topic;
    }

    /** The counters so far. */
    public FollowerStats stats() {
        return new FollowerStats(
                state,
                recordsRead.get(),
                applied.get(),
                alreadyApplied.get(),
                doubleBookings.get(),
                unknownReservations.get(),
                skippedMalformed.get(),
                skippedUnknownType.get(),
                skippedUnsupportedVersion.get(),
                applyFailures.get(),
                pollFailures.get(),
                replayedRecords,
                replayDuration);
    }

    /**
     * Stops reading: wakes the consumer up, waits at most 10 s for the thread to end, and closes the consumer if
     * the follower built it. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            closing.countDown();
            running = thread;
            if (running == null) {
                state = State.CLOSED;
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
        state = State.CLOSED;
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
                state = State.FAILED;
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
                if (state == State.REPLAYING) {
                    remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
                    if (remaining.isEmpty()) {
                        caughtUp(replayStart);
                    }
                }
                handle(consumer.poll(POLL_TIMEOUT));
            } catch (WakeupException | InterruptException stop) {
                if (!closing()) {
                    pollFailures.incrementAndGet();
                    LOG.warn("The follower of {} was woken up or interrupted without being closed; going on", topic);
                    Thread.interrupted();
                }
            } catch (KafkaException failure) {
                pollFailures.incrementAndGet();
                LOG.warn("Reading {} failed, retrying in {}: {}", topic, RETRY_BACKOFF, failure.toString());
                backOff();
            }
        }
    }

    /** Assigns every partition from the beginning and returns the end offsets; null if there are none yet. */
    private Map<TopicPartition, Long> beginReplay() {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            pollFailures.incrementAndGet();
            LOG.warn("Topic {} has no partitions (does it exist?); retrying in {}", topic, RETRY_BACKOFF);
            backOff();
            return null;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        LOG.info("Replaying {} from the beginning up to the end offsets {}", topic, sorted(partitions, ends));
        return ends;
    }

    private void caughtUp(long replayStart) {
        replayedRecords = recordsRead.get();
        replayDuration = Duration.ofNanos(System.nanoTime() - replayStart);
        synchronized (this) {
            if (state == State.REPLAYING) {
                state = State.FOLLOWING;
            }
        }
        caughtUp.countDown();
        var stats = stats();
        LOG.info(
                "Replayed {}: {} records in {} ms ({} records/s): {} applied, {} already applied, {} double bookings,"
                        + " {} cancellations of unknown reservations, {} skipped ({} malformed, {} unknown type,"
                        + " {} unsupported version), {} failed; following it now",
                topic,
                stats.replayedRecords(),
                stats.replayDuration().toMillis(),
                Math.round(stats.replayRecordsPerSecond()),
                stats.applied(),
                stats.alreadyApplied(),
                stats.doubleBookings(),
                stats.unknownReservations(),
                stats.skipped(),
                stats.skippedMalformed(),
                stats.skippedUnknownType(),
                stats.skippedUnsupportedVersion(),
                stats.applyFailures());
    }

    /**
     * Applies a poll's records in order. A big batch (the replay's) is decoded in parallel first: decoding is
     * stateless and costs about as much as applying, which stays in this thread and in partition order.
     */
    private void handle(ConsumerRecords<?, byte[]> records) {
        if (records.count() < PARALLEL_DECODE_MIN_RECORDS) {
            for (ConsumerRecord<?, byte[]> record : records) {
                handle(record, decoder.decode(record));
            }
            return;
        }
        var batch = new ArrayList<ConsumerRecord<?, byte[]>>(records.count());
        records.forEach(batch::add);
        List<Decoded> decoded = batch.parallelStream().map(decoder::decode).toList();
        for (int i = 0; i < batch.size(); i++) {
            handle(batch.get(i), decoded.get(i));
        }
    }

    private void handle(ConsumerRecord<?, byte[]> record, Decoded decoded) {
        recordsRead.incrementAndGet();
        switch (decoded) {
            case Decoded.Event event -> apply(record, event.event());
            case Decoded.Malformed malformed -> {
                skippedMalformed.incrementAndGet();
                LOG.warn("Skipped malformed record {}: {}", where(record), malformed.reason());
            }
            case Decoded.UnknownType unknown -> {
                skippedUnknownType.incrementAndGet();
                LOG.info("Skipped record {} of unknown type {}", where(record), unknown.type());
            }
            case Decoded.UnsupportedVersion unsupported -> {
                skippedUnsupportedVersion.incrementAndGet();
                LOG.warn(
                        "Skipped record {}: {}; its reservation is missing here until this reader is upgraded",
                        where(record),
                        unsupported.reason());
            }
        }
    }

    private void apply(ConsumerRecord<?, byte[]> record, ReservationEvent event) {
        try {
            switch (events.apply(new ApplyReservationEventCommand(event))) {
                case APPLIED -> applied.incrementAndGet();
                case ALREADY_APPLIED -> alreadyApplied.incrementAndGet();
                case APPLIED_DOUBLE_BOOKING -> {
                    doubleBookings.incrementAndGet();
                    LOG.warn(
                            "Double booking: reservation {} of {} ({}) overlaps a confirmed reservation; both were"
                                    + " confirmed by concurrent instances and both are kept",
                            event.reservationId(),
                            event.resourceId(),
                            where(record));
                }
                case UNKNOWN_RESERVATION -> {
                    unknownReservations.incrementAndGet();
                    LOG.warn(
                            "Ignored the cancellation {} of reservation {}: it was never placed here",
                            where(record),
                            event.reservationId());
                }
            }
        } catch (RuntimeException bug) {
            applyFailures.incrementAndGet();
            LOG.error(
                    "Could not apply event {} of reservation {} ({}); skipped it, its reservation may be wrong here",
                    event.eventId(),
                    event.reservationId(),
                    where(record),
                    bug);
        }
    }

    private void backOff() {
        try {
            closing.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String sorted(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        var text = new StringBuilder("{");
        partitions.stream()
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .forEach(p -> text.append(text.length() > 1 ? ", " : "")
                        .append(p.partition())
                        .append('=')
                        .append(ends.get(p)));
        return text.append('}').toString();
    }
}
