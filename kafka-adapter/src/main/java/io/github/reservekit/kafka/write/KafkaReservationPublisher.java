package io.github.reservekit.kafka.write;

import io.github.reservekit.kafka.internal.ReservationWire;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Publishes reservation events to Kafka (the topic {@code reserve} by default) in the wire format of
 * CONTRACT.md section 2: key = resourceId, value = JSON data, CloudEvents 1.0 binary-mode headers.
 *
 * <p><b>Delivery guarantee.</b> {@link #publish} returns only once the broker has acknowledged the record with
 * {@code acks=all}: it is in the log of every in-sync replica, and the topic's {@code min.insync.replicas}
 * (2 when the adapter creates it on 3 brokers) were in sync. The producer is idempotent, so its internal
 * retries (a leader change, a lost connection) do not write an event twice or reorder events within one producer
 * epoch; when a batch's fate is unknown after a delivery timeout, the producer starts a new epoch, and a batch it
 * retries across that may be appended a second time (the same event, same {@code ce_id}: readers ignore the copy,
 * the fold by its rule 3; docs/testing.md). Events with the
 * same resourceId go to the same partition and keep the order in which {@code publish} calls returned.
 *
 * <p><b>Bound.</b> Every {@code publish} returns or throws within {@link ProducerSettings#publishTimeout()}
 * (5 s by default; {@code max.block.ms} is set to it and {@code delivery.timeout.ms} a little under it), never
 * Kafka's 60 s or 120 s defaults. A failure throws {@link PublicationFailedException}: {@code retriable()} is true for
 * timeouts, unreachable brokers, too few in-sync replicas and Kafka's other {@code RetriableException}s, and false
 * for authorization failures, a record too large, serialization errors and a closed publisher. After a
 * timeout the event may still appear later (the outcome is unknown), which is why consumers deduplicate by
 * event id ({@code ce_id}). No Kafka type crosses the port; the cause is kept for logs.
 *
 * <p><b>Threads.</b> Thread-safe; all callers share one producer, so records of concurrent callers travel
 * in the same batches ({@code linger.ms=5}, {@code batch.size=64 KiB}). An interrupted caller gets a retriable
 * failure and its interrupt flag stays set.
 *
 * <p><b>Close.</b> {@link #close()} flushes and closes the producer the publisher built ({@link #create}, also
 * with a producer factory);
 * a producer passed to {@link #using} belongs to its owner and stays open.
 */
public final class KafkaReservationPublisher implements ReservationPublisher, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final ProducerSettings settings;
    private final boolean ownsProducer;
    private final RecordTracing tracing;
    private final IntSupplier followedPartitions;
    /**
     * Once {@code send} returned with at least this much time left, the producer itself reports the outcome
     * before the deadline ({@code delivery.timeout.ms}), so no timer is needed; MAX_VALUE for a producer whose
     * configuration this publisher does not know.
     */
    private final long untimedWaitNanos;

    private final WriteOutcomes outcomes = new WriteOutcomes(Clock.systemUTC());

    private KafkaReservationPublisher(
            Producer<String, byte[]> producer,
            ProducerSettings settings,
            boolean ownsProducer,
            RecordTracing tracing,
            IntSupplier followedPartitions) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsProducer = ownsProducer;
        this.tracing = Objects.requireNonNull(tracing, "tracing");
        this.followedPartitions = Objects.requireNonNull(followedPartitions, "followedPartitions");
        this.untimedWaitNanos = ownsProducer ? settings.deliveryTimeout().toNanos() : Long.MAX_VALUE;
    }

    /**
     * A publisher with its own {@link KafkaProducer}, built from {@link ProducerSettings#producerProperties()}.
     * Connecting happens lazily: this does not fail when the brokers are down, the first publish does.
     *
     * @throws IllegalArgumentException if Kafka rejects the configuration
     */
    public static KafkaReservationPublisher create(ProducerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        KafkaProducer<String, byte[]> producer;
        try {
            producer = new KafkaProducer<>(settings.producerProperties());
        } catch (org.apache.kafka.common.KafkaException invalid) {
            throw new IllegalArgumentException("cannot create the Kafka producer: " + invalid.getMessage(), invalid);
        }
        return new KafkaReservationPublisher(producer, settings, true, RecordTracing.NONE, PRODUCER_CHOOSES);
    }

    /**
     * A publisher on a producer that {@code producerFactory} builds from
     * {@link ProducerSettings#producerProperties()}, e.g. to bind its metrics to a registry. The publisher
     * owns it (closes it) and, knowing its configuration, waits as cheaply as {@link #create(ProducerSettings)}.
     *
     * @param producerFactory builds the producer from exactly the properties it is given
     */
    public static KafkaReservationPublisher create(
            ProducerSettings settings,
            Function<Map<String, Object>, ? extends Producer<String, byte[]>> producerFactory) {
        return create(settings, producerFactory, RecordTracing.NONE);
    }

    /**
     * As {@link #create(ProducerSettings, Function)}, with each record traced by {@code tracing}: the trace
     * context goes into the record's headers, the publish is a span (see {@link RecordTracing}).
     */
    public static KafkaReservationPublisher create(
            ProducerSettings settings,
            Function<Map<String, Object>, ? extends Producer<String, byte[]>> producerFactory,
            RecordTracing tracing) {
        return create(settings, producerFactory, tracing, PRODUCER_CHOOSES);
    }

    /**
     * As {@link #create(ProducerSettings, Function, RecordTracing)}, for a writer whose reader follows
     * {@code followedPartitions} partitions of the topic (0 while it follows none yet): each event goes to its
     * resource's partition among those, never where a producer that learnt of added partitions would put it, and
     * while the topic's partition count differs from the one followed every publish is refused (not retriable), as
     * CONTRACT.md section 4.5 asks.
     */
    public static KafkaReservationPublisher create(
            ProducerSettings settings,
            Function<Map<String, Object>, ? extends Producer<String, byte[]>> producerFactory,
            RecordTracing tracing,
            IntSupplier followedPartitions) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(producerFactory, "producerFactory");
        return new KafkaReservationPublisher(
                producerFactory.apply(settings.producerProperties()), settings, true, tracing, followedPartitions);
    }

    /** No partitions followed: the producer's partitioner places each record (by its key, the resourceId). */
    private static final IntSupplier PRODUCER_CHOOSES = () -> 0;

    /**
     * A publisher on a producer that a framework (or a test) configured; it must take String keys and
     * byte[] values and be configured durably (check its configuration with
     * {@link ProducerSettings#requireDurable}). The settings give the topic, source and bound.
     */
    public static KafkaReservationPublisher using(Producer<String, byte[]> producer, ProducerSettings settings) {
        return new KafkaReservationPublisher(producer, settings, false, RecordTracing.NONE, PRODUCER_CHOOSES);
    }

    /** The settings this publisher works with. */
    public ProducerSettings settings() {
        return settings;
    }

    /**
     * Publishes one event and returns once all in-sync replicas have it.
     *
     * @throws PublicationFailedException if it was not acknowledged within the publish timeout; see the class
     *     comment for {@code retriable()}
     * @throws NullPointerException if {@code event} is null
     */
    @Override
    public void publish(ReservationEvent event) {
        Objects.requireNonNull(event, "event");
        String what = "event " + event.eventId() + " was not published to " + settings.topic();
        Integer partition = partitionOf(event.resourceId().value(), what);
        var record = ReservationWire.toRecord(settings.topic(), partition, settings.source(), event);
        RecordTracing.Publish traced = tracing.send(record);
        try {
            send(record, what);
            traced.end(null);
        } catch (RuntimeException failed) {
            traced.end(failed);
            throw failed;
        }
    }

    /**
     * Writes a health probe to {@code partition} (the producer's choice when null): a record keyed with what no
     * resource can have, of a type every reader knows to pass over, to learn whether writes succeed again after they
     * failed.
     *
     * @throws PublicationFailedException if it was not acknowledged
     */
    public void probe(Integer partition) {
        send(ReservationWire.probe(settings.topic(), settings.source(), partition), "the health probe failed");
    }

    /**
     * The partition for a record of this key: its resource's among the partitions followed (null when none are,
     * the producer then chooses). Refused while the topic has another partition count than the one followed.
     */
    private Integer partitionOf(String key, String what) {
        int followed = followedPartitions.getAsInt();
        if (followed == 0) {
            return null;
        }
        int current;
        try {
            current = producer.partitionsFor(settings.topic()).size(); // the producer's metadata, cached
        } catch (RuntimeException unknown) {
            var failed = PublishFailures.translate(what, unknown);
            outcomes.failed(failed.retriable(), failed.getMessage(), null);
            throw failed;
        }
        if (current != followed) {
            var refused = PublishFailures.failure(
                    what,
                    "topic " + settings.topic() + " now has " + current + " partitions, but this instance follows "
                            + followed + ": a resource's events would no longer share one partition, so writes are"
                            + " refused. Partitions must not be added to it; move to a new topic (docs/kafka-adapter.md,"
                            + " \"The topic's shape\")",
                    false,
                    null);
            outcomes.failed(false, refused.getMessage(), null);
            throw refused;
        }
        return ReservationWire.partitionOf(key, followed);
    }

    /** What the latest writes did: failing since a failure until the next success. */
    public WriteOutcomes outcomes() {
        return outcomes;
    }

    private void send(ProducerRecord<String, byte[]> record, String what) {
        try {
            awaitAcknowledgement(record, what);
            outcomes.succeeded();
        } catch (PublicationFailedException failed) {
            outcomes.failed(failed.retriable(), failed.getMessage(), record.partition());
            throw failed;
        }
    }

    private void awaitAcknowledgement(ProducerRecord<String, byte[]> record, String what) {
        long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
        Future<RecordMetadata> acknowledgement;
        try {
            acknowledgement = producer.send(record);
        } catch (InterruptException interrupted) {
            Thread.currentThread().interrupt();
            throw PublishFailures.failure(what, "interrupted while sending", true, interrupted);
        } catch (RuntimeException refused) {
            throw PublishFailures.translate(what, refused);
        }
        try {
            long remaining = deadline - System.nanoTime();
            if (remaining >= untimedWaitNanos) {
                // Bounded by the producer's delivery.timeout.ms, which is within what is left of the deadline.
                acknowledgement.get();
            } else {
                acknowledgement.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException failed) {
            throw PublishFailures.translate(what, failed.getCause() == null ? failed : failed.getCause());
        } catch (TimeoutException late) {
            throw PublishFailures.failure(
                    what,
                    "not acknowledged within " + settings.publishTimeout().toMillis() + " ms (outcome unknown)",
                    true,
                    late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw PublishFailures.failure(
                    what, "interrupted while waiting for the acknowledgement (outcome unknown)", true, interrupted);
        }
    }

    /**
     * Sends what is buffered and closes the producer if this publisher built it, waiting at most the publish
     * timeout. Idempotent.
     */
    @Override
    public void close() {
        if (ownsProducer) {
            producer.close(settings.publishTimeout());
        }
    }
}
