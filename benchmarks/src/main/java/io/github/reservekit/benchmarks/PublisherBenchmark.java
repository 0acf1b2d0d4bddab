package io.github.reservekit.benchmarks;

import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The adapter's publish throughput against Kafka's own {@code ProducerPerformance} (kafka-producer-perf-test)
 * on the same broker, with the same topic settings (replication factor, min ISR, partitions), the same
 * producer settings (acks, idempotence, linger, batch size, timeouts) and the same record size (our serialized
 * record: key + JSON value + CloudEvents headers). ProducerPerformance sends asynchronously as fast as it
 * can; the adapter is driven the way an application drives it, by many concurrent callers (virtual threads),
 * each waiting for its acknowledgement. Prints records/s for both and the ratio, plus a plain KafkaProducer
 * sending our pre-built records asynchronously: the ceiling of the wire format, headers included.
 *
 * <p>Options: {@code --bootstrap-server HOST:PORT} (else an in-JVM cluster is started), {@code --brokers N}
 * (in-JVM cluster size, default 3), {@code --records N} (default 100000), {@code --callers N} (default 1000),
 * {@code --partitions N} (default 3), {@code --rounds N} (measured rounds, default 2, after one warm-up
 * round of a fifth of the records; the result is the median).
 */
public final class PublisherBenchmark {

    private static final Pattern RECORDS_PER_SEC = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private PublisherBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        try (var kafka = KafkaForRun.existingOrInJvm(options.bootstrapServer, options.brokers)) {
            run(options, kafka.bootstrapServers());
        }
    }

    private static void run(Options options, String bootstrap) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        var base = KafkaTarget.of(bootstrap, "reserve", options.partitions, Duration.ofSeconds(5));
        int recordSize = serializedRecordSize(base);
        var producerProperties = base.producerProperties();
        System.out.printf(
                "Kafka at %s; %d records of %d bytes (key + JSON value + CloudEvents headers); producer:"
                        + " acks=%s enable.idempotence=%s linger.ms=%s batch.size=%s max.in.flight=%s%n",
                bootstrap,
                options.records,
                recordSize,
                producerProperties.get(ProducerConfig.ACKS_CONFIG),
                producerProperties.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG),
                producerProperties.get(ProducerConfig.LINGER_MS_CONFIG),
                producerProperties.get(ProducerConfig.BATCH_SIZE_CONFIG),
                producerProperties.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));

        var ratios = new ArrayList<Double>();
        var perfs = new ArrayList<Double>();
        var adapters = new ArrayList<Double>();
        var plains = new ArrayList<Double>();
        for (int round = 0; round <= options.rounds; round++) {
            boolean warmUp = round == 0;
            int records = warmUp ? Math.max(1000, options.records / 5) : options.records;
            String label = warmUp ? "warm-up" : "round " + round;
            String perfTopic = "bench-perf-" + run + "-" + round;
            String adapterTopic = "bench-adapter-" + run + "-" + round;
            TopicHealth perfHealth = base.withTopic(perfTopic).provision();
            base.withTopic(adapterTopic).provision();
            if (round == 1) {
                System.out.printf(
                        "Topics: %d partitions, replication factor %d, min.insync.replicas %d%n",
                        perfHealth.partitions(), perfHealth.replicationFactor(), perfHealth.minInsyncReplicas());
            }
            // Alternate the order, so neither always runs on the warmer (or busier) machine.
            double perf;
            double adapter;
            if (round % 2 == 0) {
                adapter = adapter(base, adapterTopic, records, options.callers);
                perf = producerPerformance(base.withTopic(perfTopic), records, recordSize);
            } else {
                perf = producerPerformance(base.withTopic(perfTopic), records, recordSize);
                adapter = adapter(base, adapterTopic, records, options.callers);
            }
            String plainTopic = "bench-plain-" + run + "-" + round;
            base.withTopic(plainTopic).provision();
            double plain = plainProducer(base, plainTopic, records);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s ProducerPerformance %,9.0f/s | plain KafkaProducer with our records %,9.0f/s |"
                            + " KafkaReservationPublisher %,9.0f/s (%d callers) | ratio %.2f%n",
                    label,
                    perf,
                    plain,
                    adapter,
                    options.callers,
                    adapter / perf);
            if (!warmUp) {
                ratios.add(adapter / perf);
                perfs.add(perf);
                adapters.add(adapter);
                plains.add(plain);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nRESULT median of %d rounds: ProducerPerformance %,.0f records/s, plain KafkaProducer with our"
                        + " records %,.0f records/s, KafkaReservationPublisher %,.0f records/s; ratio"
                        + " publisher/ProducerPerformance %.2f (target >= 0.90)%n",
                options.rounds,
                median(perfs),
                median(plains),
                median(adapters),
                median(ratios));
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Our records, built beforehand through the publisher's own mapping, sent asynchronously from one thread by
     * a plain KafkaProducer with the same settings: the ceiling for this wire format (its CloudEvents headers
     * included), which ProducerPerformance cannot send.
     */
    private static double plainProducer(KafkaTarget base, String topic, int records) throws Exception {
        var settings = base.withTopic(topic);
        List<ProducerRecord<String, byte[]>> built = settings.wireRecords(events(records));
        try (var producer = new KafkaProducer<String, byte[]>(settings.producerProperties())) {
            long start = System.nanoTime();
            Future<?> last = null;
            for (var record : built) {
                last = producer.send(record);
            }
            producer.flush();
            last.get();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Runs Kafka's ProducerPerformance in this JVM and returns the records/s it reports. */
    private static double producerPerformance(KafkaTarget target, int records, int recordSize) {
        String output = ProducerPerformanceRun.run(target, records, recordSize, -1, true);
        Matcher matcher = RECORDS_PER_SEC.matcher(output);
        double last = -1;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        if (last < 0) {
            throw new IllegalStateException("no records/sec in ProducerPerformance's output");
        }
        return last;
    }

    /** Publishes {@code records} events through the adapter from {@code callers} virtual threads. */
    private static double adapter(KafkaTarget base, String topic, int records, int callers) throws Exception {
        List<ReservationPlaced> events = events(records);
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var publisher =
                KafkaReservationPublisher.create(base.withTopic(topic).producer())) {
            publisher.publish(events.getFirst());
            next.set(1);
            long start = System.nanoTime();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                var done = new ArrayList<Future<?>>();
                for (int c = 0; c < callers; c++) {
                    done.add(threads.submit(() -> {
                        for (int i = next.getAndIncrement(); i < records; i = next.getAndIncrement()) {
                            try {
                                publisher.publish(events.get(i));
                            } catch (RuntimeException failure) {
                                failures.incrementAndGet();
                            }
                        }
                    }));
                }
                for (var caller : done) {
                    caller.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failures.get() > 0) {
                System.out.printf("KafkaReservationPublisher: %d publishes failed%n", failures.get());
            }
            return (records - 1) / seconds;
        }
    }

    /** {@code count} representative placed events. */
    private static List<ReservationPlaced> events(int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return IntStream.range(0, count).mapToObj(i -> event(now, i)).toList();
    }

    /** A representative placed event: a realistic guest name, an idempotency key, a 2-hour slot. */
    static ReservationPlaced event(Instant now, int i) {
        var start = now.plus(Duration.ofDays(1 + i % 30)).truncatedTo(ChronoUnit.HOURS);
        return new ReservationPlaced(
                UUID.randomUUID(),
                now,
                ReservationId.random(),
                new ReservationDetails(
                        new ResourceId("restaurant-12:table-" + (i % 500)),
                        new GuestName("Ada Lovelace"),
                        new PartySize(1 + i % 8),
                        new TimeSlot(start, start.plus(Duration.ofHours(2)))),
                Optional.of(new IdempotencyKey(UUID.randomUUID().toString())),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty());
    }

    /** The size of one of our records on the wire: key, value, header keys and values. */
    private static int serializedRecordSize(KafkaTarget settings) {
        ProducerRecord<String, byte[]> record =
                settings.wireRecords(List.of(event(Instant.now(), 0))).getFirst();
        int size = record.key().getBytes(StandardCharsets.UTF_8).length + record.value().length;
        for (Header header : record.headers()) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
        }
        return size;
    }

    private record Options(String bootstrapServer, int brokers, int records, int callers, int partitions, int rounds) {

        static Options parse(String[] args) {
            String bootstrap = null;
            int brokers = 3;
            int records = 100_000;
            int callers = 1000;
            int partitions = 3;
            int rounds = 2;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--bootstrap-server" -> bootstrap = value;
                    case "--brokers" -> brokers = Integer.parseInt(value);
                    case "--records" -> records = Integer.parseInt(value);
                    case "--callers" -> callers = Integer.parseInt(value);
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    default ->
                        throw new IllegalArgumentException(
                                "unknown option " + args[i] + "; options: --bootstrap-server,"
                                        + " --brokers, --records, --callers, --partitions, --rounds");
                }
                i++;
            }
            return new Options(bootstrap, brokers, records, callers, partitions, rounds);
        }
    }
}
