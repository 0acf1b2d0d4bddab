package io.github.reservekit.benchmarks;

import io.github.reservekit.kafka.read.FollowerStats;
import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.kafka.read.RecordOutcome;
import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Replay at start-up, the cost of making the topic the system of record: fills a topic with N events (placements
 * for many resources, every fifth one cancelled), then times a cold replay into a fresh
 * {@link InMemoryReservationRepository} through the core ({@link ReservationApplication}, i.e.
 * {@code ApplyReservationEventService}) with the adapter's {@link KafkaReservationFollower}, from building the
 * follower until it is caught up, which is when a shell reports ready. Prints events/s and the heap each held
 * reservation costs.
 *
 * <p>Heap method: used heap after {@code System.gc()} (repeated until it stops shrinking) right before the
 * follower is built, and again after it is caught up and closed with the repository still referenced; the
 * difference divided by the reservations held. With {@code --histogram}, the classes that grew most in between
 * ({@code GC.class_histogram}, as {@code jcmd} prints it) say where the bytes go.
 *
 * <p>Options: {@code --bootstrap-server HOST:PORT} (else an in-JVM cluster is started), {@code --brokers N}
 * (in-JVM cluster size, default 1), {@code --events N} (default 1000000), {@code --resources N} (default 20000),
 * {@code --partitions N} (default 3), {@code --replays N} (default 2: the cold one that counts, then warm ones
 * for comparison), {@code --histogram}.
 */
public final class ReplayBenchmark {

    private static final int CHUNK = 10_000;

    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        try (var kafka = KafkaForRun.existingOrInJvm(options.bootstrapServer, options.brokers)) {
            run(options, kafka.bootstrapServers(), kafka.describe(options.brokers));
        }
    }

    private static void run(Options options, String bootstrap, String where) throws Exception {
        var settings = KafkaTarget.of(
                bootstrap,
                "bench-replay-" + Long.toString(System.currentTimeMillis(), 36),
                options.partitions,
                Duration.ofSeconds(30));
        var health = settings.provision();
        System.out.printf(
                "%s; topic %s: %d partitions, replication factor %d%n",
                where, settings.topic(), health.partitions(), health.replicationFactor());
        long filled = fill(settings, options);

        for (int replay = 1; replay <= options.replays; replay++) {
            boolean cold = replay == 1;
            Map<String, long[]> before = cold && options.histogram ? HeapUse.histogram() : Map.of();
            long heapBefore = HeapUse.usedAfterGc();
            long start = System.nanoTime();
            var repository = new InMemoryReservationRepository();
            var app = ReservationApplication.builder()
                    .repository(repository)
                    .publisher(event -> {
                        throw new IllegalStateException("a replay publishes nothing");
                    })
                    .build();
            FollowerStats stats;
            try (var follower = KafkaReservationFollower.create(settings.topic(), settings.kafka(), app)) {
                stats = follower.replay(Duration.ofMinutes(30));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapAfter = HeapUse.usedAfterGc();
            int held = repository.count();
            long confirmed = countConfirmed(repository, options.resources);
            if (stats.replayedRecords() != filled
                    || stats.count(RecordOutcome.CONFIRMED) + stats.count(RecordOutcome.CANCELLED) != filled) {
                throw new IllegalStateException("replayed " + stats + ", expected " + filled + " applied events");
            }
            double perReservation = (heapAfter - heapBefore) / (double) held;
            System.out.printf(
                    Locale.ROOT,
                    "(system load average %.1f on %d cores)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    Locale.ROOT,
                    "%s replay: %,d events in %.2f s from building the follower to caught up = %,.0f events/s"
                            + " (replay loop alone %,.0f/s); %,d reservations held (%,d confirmed); heap %,d ->"
                            + " %,d bytes = %,.0f bytes per held reservation (%,.0f per confirmed one)%n",
                    cold ? "COLD" : "warm",
                    stats.replayedRecords(),
                    seconds,
                    stats.replayedRecords() / seconds,
                    stats.replayRecordsPerSecond(),
                    held,
                    confirmed,
                    heapBefore,
                    heapAfter,
                    perReservation,
                    (heapAfter - heapBefore) / (double) confirmed);
            if (cold && options.histogram) {
                HeapUse.printGrowth(before, HeapUse.histogram(), held);
            }
            if (cold) {
                System.out.printf(
                        Locale.ROOT,
                        "%nRESULT cold replay of %,d events (%s): %,.0f events/s (target >= 50,000), %,.0f bytes of"
                                + " heap per held reservation (target < 1,024)%n%n",
                        stats.replayedRecords(),
                        where,
                        stats.replayedRecords() / seconds,
                        perReservation);
            }
            // Keep the repository reachable until the heap was measured.
            Reference.reachabilityFence(repository);
        }
    }

    /**
     * Writes the events, built by the adapter's own mapping ({@link KafkaTarget#wireRecords}, chunk by chunk) and
     * sent asynchronously by a plain producer: filling is not what is measured.
     */
    private static long fill(KafkaTarget settings, Options options) throws Exception {
        var producerProperties = new HashMap<>(settings.producerProperties());
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        producerProperties.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        producerProperties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
        producerProperties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000);
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        long start = System.nanoTime();
        long written = 0;
        try (var producer = new KafkaProducer<String, byte[]>(producerProperties)) {
            Future<?> last = null;
            int placed = 0;
            while (written < options.events) {
                var chunk = new ArrayList<ReservationEvent>(CHUNK + 1);
                for (int i = 0; i < CHUNK && written < options.events; i++) {
                    var event = placed(base, placed, options.resources);
                    chunk.add(event);
                    written++;
                    if (placed % 5 == 4 && written < options.events) {
                        chunk.add(Reservation.placed(event).cancel(Clock.systemUTC()));
                        written++;
                    }
                    placed++;
                }
                for (ProducerRecord<String, byte[]> record : settings.wireRecords(chunk)) {
                    last = producer.send(record);
                }
            }
            producer.flush();
            last.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Filled the topic with %,d events for %,d resources in %.1f s (%,.0f/s; not the measured part)%n",
                written,
                options.resources,
                seconds,
                written / seconds);
        return written;
    }

    /**
     * The n-th placement: resource {@code n % resources}, the resource's {@code n / resources}-th two-hour slot
     * (slots of a resource never overlap), with a guest name and an idempotency key as an HTTP client sends them.
     */
    private static ReservationPlaced placed(Instant base, int n, int resources) {
        Instant start = base.plus(Duration.ofHours(3L * (n / resources)));
        return new ReservationPlaced(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                ReservationId.random(),
                new ReservationDetails(
                        new ResourceId("restaurant-" + (n % resources) / 20 + ":table-" + (n % resources) % 20),
                        new GuestName("Guest " + n),
                        new PartySize(1 + n % 8),
                        new TimeSlot(start, start.plus(Duration.ofHours(2)))),
                Optional.of(new IdempotencyKey(UUID.randomUUID().toString())),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty());
    }

    private static long countConfirmed(InMemoryReservationRepository repository, int resources) {
        long confirmed = 0;
        for (int r = 0; r < resources; r++) {
            for (var reservation :
                    repository.findByResource(new ResourceId("restaurant-" + r / 20 + ":table-" + r % 20))) {
                if (reservation.isConfirmed()) {
                    confirmed++;
                }
            }
        }
        return confirmed;
    }

    private record Options(
            String bootstrapServer,
            int brokers,
            int events,
            int resources,
            int partitions,
            int replays,
            boolean histogram) {

        static Options parse(String[] args) {
            String bootstrap = null;
            int brokers = 1;
            int events = 1_000_000;
            int resources = 20_000;
            int partitions = 3;
            int replays = 2;
            boolean histogram = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--bootstrap-server" -> bootstrap = value;
                    case "--brokers" -> brokers = Integer.parseInt(value);
                    case "--events" -> events = Integer.parseInt(value);
                    case "--resources" -> resources = Integer.parseInt(value);
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--replays" -> replays = Integer.parseInt(value);
                    case "--histogram" -> {
                        histogram = true;
                        continue;
                    }
                    default ->
                        throw new IllegalArgumentException("unknown option " + args[i] + "; options:"
                                + " --bootstrap-server, --brokers, --events, --resources, --partitions, --replays,"
                                + " --histogram");
                }
                i++;
            }
            return new Options(bootstrap, brokers, events, resources, partitions, Math.max(1, replays), histogram);
        }
    }
}
