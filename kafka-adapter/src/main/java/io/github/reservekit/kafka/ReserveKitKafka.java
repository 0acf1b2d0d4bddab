package io.github.reservekit.kafka;

import io.github.reservekit.kafka.read.ConsumerSettings;
import io.github.reservekit.kafka.read.FollowerStats;
import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.kafka.read.KafkaReservationLog;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.kafka.write.ConcurrencyLimitWriteAdmission;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.WriteAdmission;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReserveKit on Kafka, assembled once for every shell and embedding program: the topic (created when missing),
 * the publisher on one shared producer, the core ({@link ReservationApplication}) publishing through it, and the
 * follower, the instance's one reader of the topic, applying every event to the core.
 *
 * <pre>{@code
 * try (var kafka = ReserveKitKafka.builder(ReserveKitSettings.defaults(URI.create("/my-app")),
 *                 Map.of("bootstrap.servers", "localhost:9092")).build()) {
 *     kafka.start();                       // replays the topic, then follows it
 *     var reservations = kafka.reservations(); // every use case of the core
 * }
 * }</pre>
 *
 * <p>A framework hands in its own Kafka properties and client factories (so its producer and consumer
 * settings, security and client metrics apply) and exposes {@link #reservations()} as its beans; it adds nothing
 * of its own. {@link #close()} closes the follower, then the publisher, then the topic's admin client.
 */
public final class ReserveKitKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveKitKafka.class);

    private final ReserveKitSettings settings;
    private final ReserveTopic topic;
    private final KafkaReservationPublisher publisher;
    private final ReservationApplication reservations;
    private final KafkaReservationFollower follower;
    private final PublishingHealthCheck healthCheck;
    /** Null when {@code reservekit.max-writes-in-flight} is 0 (no bound). */
    private final ConcurrencyLimitWriteAdmission admission;

    private final TopicCheck topicCheck;
    private final long clientsNanos;

    private ReserveKitKafka(Builder builder) {
        this.settings = builder.settings;
        var producerSettings = ProducerSettings.of(settings, builder.producerProperties);
        this.topic = builder.admin == null
                ? ReserveTopic.create(settings, builder.adminProperties)
                : ReserveTopic.using(builder.admin, settings);
        this.admission = ConcurrencyLimitWriteAdmission.of(settings).orElse(null);
        long started = System.nanoTime();
        this.topicCheck = new TopicCheck(topic, settings.topic());
        try {
            var consumer =
                    builder.consumerFactory.apply(ConsumerSettings.consumerProperties(builder.consumerProperties));
            // The core builds its fold and hands it to this source, which builds the follower on it: no cycle, and
            // the follower holds the fold itself (both of its methods), not a stand-in.
            var log = new KafkaReservationLog.Source(consumer, settings.topic(), builder.tracing, topic::endOffsets);
            this.publisher = KafkaReservationPublisher.create(
                    producerSettings, builder.producerFactory, builder.tracing, log::followedPartitions);
            var guarded = new CaughtUpPublisher(publisher);
            this.reservations = ReservationApplication.builder()
                    .publisher(builder.publisherDecorator.apply(guarded))
                    .log(log)
                    .settings(new ReservationSettings(
                            settings.publishTimeout(),
                            settings.clockSkewMargin(),
                            settings.maxHorizon(),
                            settings.ownerOnly()))
                    .admission(admission == null ? WriteAdmission.unlimited() : admission)
                    .clock(builder.clock)
                    .build();
            this.follower = log.follower();
            guarded.follow(follower);
            this.healthCheck = new PublishingHealthCheck(topic, publisher, follower::followedPartitions);
        } catch (RuntimeException failed) {
            topicCheck.stop();
            topic.close();
            throw failed;
        }
        clientsNanos = System.nanoTime() - started;
        LOG.info(
                "Publishing to and following {} at {} (acks=all, idempotent, publish timeout {} ms, writes in flight {})",
                settings.topic(),
                builder.producerProperties.get("bootstrap.servers"),
                settings.publishTimeout().toMillis(),
                admission == null
                        ? "unbounded"
                        : settings.minWritesInFlight() + " to " + settings.maxWritesInFlight() + ", adaptive");
    }

    /**
     * A builder for these settings and the Kafka client properties every client starts from (bootstrap servers,
     * security); a framework may give each client its own with {@link Builder#producer}, {@link Builder#consumer}
     * and {@link Builder#admin}.
     */
    public static Builder builder(ReserveKitSettings settings, Map<String, ?> kafkaProperties) {
        return new Builder(settings, kafkaProperties);
    }

    /**
     * Replays the topic into the core and follows it from then on; blocks until caught up, at most
     * {@link ReserveKitSettings#replayTimeout()}.
     *
     * @throws IllegalStateException if not caught up in time; everything is closed then
     */
    public FollowerStats start() {
        try {
            long started = System.nanoTime();
            var stats = follower.replay(settings.replayTimeout());
            long replayNanos = System.nanoTime() - started;
            topicCheck.warnIfClosedToEvents(topicCheck.join().following(follower.followedPartitions()));
            LOG.info(
                    "Ready in {} ms: clients built in {} ms, topic checked in {} ms while replaying {} records in {} ms",
                    (System.nanoTime() - started + clientsNanos) / 1_000_000,
                    clientsNanos / 1_000_000,
                    topicCheck.nanos() / 1_000_000,
                    stats.replayedRecords(),
                    replayNanos / 1_000_000);
            return stats;
        } catch (RuntimeException notCaughtUpOrTopicCheckFailed) {
            close();
            throw notCaughtUpOrTopicCheckFailed;
        }
    }

    /**
     * Starts the replay and the tail in the follower's thread and returns at once, for a shell that must start
     * whether or not Kafka answers: {@link KafkaReservationFollower#isCaughtUp()} tells when the core is ready
     * (readiness DOWN until then; writes and reads answer 503, as the core cannot catch up). The follower keeps
     * trying until a broker answers; the topic check (creating a missing topic) is repeated until Kafka answers it,
     * and only logs what it found.
     *
     * @throws IllegalStateException if started before
     */
    public void startInBackground() {
        follower.start();
        Thread.ofVirtual().name("reservekit-topic-check").start(topicCheck::repeatUntilAnswered);
    }

    /** Every use case of the core, on this Kafka. */
    public ReservationApplication reservations() {
        return reservations;
    }

    /** The instance's one reader of the topic: add listeners to it, report its state. */
    public KafkaReservationFollower follower() {
        return follower;
    }

    /**
     * Whether this instance can publish now, for health checks: the topic's state and what the latest writes did;
     * while writes are failing, a check probes them, so health returns to UP by itself once writes succeed again
     * (at most every few seconds, with a probe every reader skips).
     */
    public PublishingHealth publishingHealth() {
        return healthCheck.check();
    }

    public ReserveKitSettings settings() {
        return settings;
    }

    /**
     * The bound on writes in flight that every write of this instance asks first (for metrics: its limit, the
     * writes in flight, those refused); empty when {@code reservekit.max-writes-in-flight} is 0.
     */
    public Optional<ConcurrencyLimitWriteAdmission> writeAdmission() {
        return Optional.ofNullable(admission);
    }

    @Override
    public void close() {
        topicCheck.stop();
        try {
            follower.close();
        } finally {
            try {
                publisher.close();
            } finally {
                topic.close();
            }
        }
    }

    /** Assembles a {@link ReserveKitKafka}. Not thread-safe. */
    public static final class Builder {
        private final ReserveKitSettings settings;
        private Map<String, ?> producerProperties;
        private Map<String, ?> consumerProperties;
        private Map<String, ?> adminProperties;
        private Function<Map<String, Object>, ? extends Producer<String, byte[]>> producerFactory = KafkaProducer::new;
        private Function<Map<String, Object>, ? extends Consumer<byte[], byte[]>> consumerFactory =
                properties -> new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        private Admin admin;
        private UnaryOperator<ReservationPublisher> publisherDecorator = UnaryOperator.identity();
        private Clock clock = Clock.systemUTC();
        private RecordTracing tracing = RecordTracing.NONE;

        private Builder(ReserveKitSettings settings, Map<String, ?> kafkaProperties) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.producerProperties = Map.copyOf(kafkaProperties);
            this.consumerProperties = producerProperties;
            this.adminProperties = producerProperties;
        }

        /**
         * The producer's own Kafka properties (a framework's producer configuration), and how to build it from the
         * publisher's final configuration ({@link ProducerSettings#producerProperties()}).
         */
        public Builder producer(
                Map<String, ?> properties, Function<Map<String, Object>, ? extends Producer<String, byte[]>> factory) {
            this.producerProperties = Map.copyOf(properties);
            this.producerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The follower's consumer's own Kafka properties (a framework's consumer configuration), and how to build
         * it from the follower's final configuration ({@link ConsumerSettings#consumerProperties(Map)}).
         */
        public Builder consumer(
                Map<String, ?> properties, Function<Map<String, Object>, ? extends Consumer<byte[], byte[]>> factory) {
            this.consumerProperties = Map.copyOf(properties);
            this.consumerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The follower's consumer's own Kafka properties (a framework's consumer configuration). */
        public Builder consumerProperties(Map<String, ?> properties) {
            this.consumerProperties = Map.copyOf(properties);
            return this;
        }

        /** The admin client's own Kafka properties; the topic's admin client is built from them. */
        public Builder adminProperties(Map<String, ?> properties) {
            this.adminProperties = Map.copyOf(properties);
            return this;
        }

        /** An admin client the caller owns (a framework's), used instead of building one; left open on close. */
        public Builder admin(Admin admin) {
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /** Wraps the publisher the core publishes through, e.g. to time it. */
        public Builder publisherDecorator(UnaryOperator<ReservationPublisher> decorator) {
            this.publisherDecorator = Objects.requireNonNull(decorator, "decorator");
            return this;
        }

        /**
         * Traces each event across the topic: the publish continues the caller's trace and writes it into the
         * record's headers, the follower's handling of the record continues it (e.g.
         * {@code OpenTelemetryRecordTracing.of(openTelemetry)}); none by default.
         */
        public Builder tracing(RecordTracing tracing) {
            this.tracing = Objects.requireNonNull(tracing, "tracing");
            return this;
        }

        /** The core's clock; defaults to UTC system time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates the topic when missing and builds the clients; reads nothing yet (see {@link #start()}).
         *
         * @throws IllegalArgumentException if a Kafka property would weaken the delivery guarantee (the message
         *     names it) or a client cannot be built
         */
        public ReserveKitKafka build() {
            return new ReserveKitKafka(this);
        }
    }
}
