package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.DecideOptions.Mode;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.read.RecordOutcome;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * What {@link DecideBenchmark} places through, one {@link Target} per mode and rate, each on a fresh topic created
 * by {@link ReserveTopic} (RF {@code min(3, brokers)}, min ISR {@code min(2, RF)}, {@code LogAppendTime}). Every
 * placement is on its own resource (no conflicts, no lock contention) and must come back CONFIRMED.
 */
final class DecideTargets {

    /** One way of placing, set up once per rate and measured slice by slice. */
    interface Target extends AutoCloseable {
        /** A placement; answers when its own event was acknowledged (see {@link Acknowledged}). */
        OpenLoop.Request<Long> request();

        /** After the measured slices: reports anything the mode can check about itself. */
        default void afterwards() {}

        @Override
        void close();
    }

    /**
     * The moment ({@link System#nanoTime()}) a placement's own event was acknowledged: marked from inside the
     * placement (a publisher decorator, on the request's thread) and answered by the request, -1 when unmarked.
     */
    static final class Acknowledged {
        private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

        private Acknowledged() {}

        /** Marks that the current request's event was just acknowledged; ignored outside a request. */
        static void now() {
            long[] at = CURRENT.get();
            if (at != null && at[0] < 0) {
                at[0] = System.nanoTime();
            }
        }

        static OpenLoop.Request<Long> timing(Placement placement) {
            return OpenLoop.Request.blocking(index -> {
                long[] at = {-1};
                CURRENT.set(at);
                try {
                    placement.place();
                } finally {
                    CURRENT.remove();
                }
                return at[0];
            });
        }
    }

    /** One placement, run to its end. */
    @FunctionalInterface
    interface Placement {
        void place() throws Exception;
    }

    private final DecideOptions options;
    private final String bootstrap;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Instant slotsFrom = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
    private final AtomicLong resources = new AtomicLong();
    private final AtomicLong topics = new AtomicLong();

    DecideTargets(DecideOptions options, String bootstrap) {
        this.options = options;
        this.bootstrap = bootstrap;
    }

    Target create(Mode mode, int rate) {
        return switch (mode) {
            case ACK -> new Acknowledgement(1, rate);
            case ACK_MANY -> new Acknowledgement(options.instances(), rate);
            case ONE -> new Instances(1, rate);
            case MANY -> new Instances(options.instances(), rate);
        };
    }

    /** Read-back on one instance, for warming the JVM and the brokers up before anything is measured. */
    Target warmUp(int rate) {
        return new Instances(1, rate);
    }

    /** The producer's properties of instance {@code i}: its own client id, plus {@code --producer} ones. */
    Map<String, Object> producerProperties(int instance) {
        return clientProperties(instance, options.producer());
    }

    /** The follower's consumer properties of instance {@code i}, plus {@code --consumer} ones. */
    Map<String, Object> consumerProperties(int instance) {
        return clientProperties(instance, options.consumer());
    }

    ReserveKitSettings settings(String topic) {
        return ReserveKitSettings.defaults(URI.create("/reservekit/benchmark"))
                .withTopic(topic)
                .withPartitions(options.partitions())
                .withPublishTimeout(options.publishTimeout());
    }

    /** The bare acknowledgement of the same placement events, through publishers alone. */
    private final class Acknowledgement implements Target {
        private final ReserveKitSettings settings;
        private final List<KafkaReservationPublisher> publishers = new ArrayList<>();
        private final AtomicLong next = new AtomicLong();
        private final Clock clock = Clock.systemUTC();

        /** {@code count} publishers (each its own producer, as each instance has), taking requests in turn. */
        Acknowledgement(int count, int rate) {
            settings = settings(nextTopic(count == 1 ? "ack" : "ack-many", rate));
            try (var topic = ReserveTopic.create(settings, producerProperties(0))) {
                requireHealthy(topic.ensureExists());
            }
            for (int i = 0; i < count; i++) {
                publishers.add(KafkaReservationPublisher.create(ProducerSettings.of(settings, producerProperties(i))));
            }
        }

        @Override
        public OpenLoop.Request<Long> request() {
            return Acknowledged.timing(() -> {
                var event = Reservation.place(
                        details(settings.topic()),
                        Optional.of(new IdempotencyKey(UUID.randomUUID().toString())),
                        List.of(),
                        clock,
                        Optional.of(options.publishTimeout()));
                publishers
                        .get((int) (next.getAndIncrement() % publishers.size()))
                        .publish(event);
                Acknowledged.now();
            });
        }

        @Override
        public void close() {
            publishers.forEach(KafkaReservationPublisher::close);
        }
    }

    /** Placements through the core with read-back, spread round-robin over {@code count} instances. */
    private final class Instances implements Target {
        private final ReserveKitSettings settings;
        private final List<ReserveKitKafka> instances = new ArrayList<>();
        private final AtomicLong confirmed = new AtomicLong();
        private final AtomicLong next = new AtomicLong();

        Instances(int count, int rate) {
            settings = settings(nextTopic(count == 1 ? "one" : "many", rate));
            try {
                for (int i = 0; i < count; i++) {
                    // Marks each request's own acknowledgement, which splits its latency into the publish and
                    // the wait for the fold.
                    UnaryOperator<ReservationPublisher> timed = publisher -> event -> {
                        publisher.publish(event);
                        Acknowledged.now();
                    };
                    instances.add(ReserveKitKafka.builder(settings, producerProperties(i))
                            .consumerProperties(consumerProperties(i))
                            .publisherDecorator(timed)
                            .build());
                }
                instances.forEach(ReserveKitKafka::start);
                requireHealthy(instances.getFirst().publishingHealth().topic());
            } catch (RuntimeException failed) {
                close();
                throw failed;
            }
        }

        @Override
        public OpenLoop.Request<Long> request() {
            return Acknowledged.timing(() -> {
                var instance = instances.get((int) (next.getAndIncrement() % instances.size()));
                var placed = instance.reservations()
                        .place(new PlaceReservationCommand(
                                details(settings.topic()),
                                Optional.of(new IdempotencyKey(UUID.randomUUID().toString()))));
                if (!placed.isConfirmed()) {
                    throw new AssertionError("placement answered " + placed.status());
                }
                confirmed.incrementAndGet();
            });
        }

        /** Every instance's follower folds every instance's events (the others' a moment later: waits for them). */
        @Override
        public void afterwards() {
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            List<Long> folded;
            while (true) {
                folded = instances.stream()
                        .map(instance -> instance.follower().stats().count(RecordOutcome.CONFIRMED))
                        .toList();
                if (folded.stream().allMatch(count -> count >= confirmed.get()) || System.nanoTime() > until) {
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            System.out.printf(
                    "  %s: confirmed by each instance's fold %s, of %,d placements answered CONFIRMED%n",
                    settings.topic(), folded, confirmed.get());
        }

        @Override
        public void close() {
            instances.forEach(ReserveKitKafka::close);
        }
    }

    private ReservationDetails details(String topic) {
        long index = resources.getAndIncrement();
        Instant start = slotsFrom.plus(Duration.ofHours(index % 48));
        return new ReservationDetails(
                new ResourceId(topic + ":table-" + index),
                new GuestName("Ada Lovelace"),
                new PartySize(1 + (int) (index % 8)),
                new TimeSlot(start, start.plus(Duration.ofHours(2))));
    }

    private String nextTopic(String mode, int rate) {
        return "decide-" + run + "-" + topics.incrementAndGet() + "-" + mode + "-" + rate;
    }

    private Map<String, Object> clientProperties(int instance, Map<String, Object> extra) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("client.id", "decide-" + instance);
        properties.putAll(extra);
        return properties;
    }

    private static void requireHealthy(TopicHealth health) {
        if (!health.canPublish()) {
            throw new IllegalStateException("cannot publish to " + health.topic() + ": " + health.problems());
        }
        System.out.printf(
                "  topic %s: %d partitions, replication factor %d, min.insync.replicas %d, %s%n",
                health.topic(),
                health.partitions(),
                health.replicationFactor(),
                health.minInsyncReplicas(),
                health.timestampType());
    }
}
