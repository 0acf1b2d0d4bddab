package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.DecideOptions.Mode;
import io.github.reservekit.benchmarks.DecideTargets.Target;
import io.github.reservekit.benchmarks.OpenLoop.Phase;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.read.ConsumerSettings;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.kafkalocal.process.KafkaProcessCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.LoggerFactory;

/**
 * The cost of deciding by the topic (issue #11): placement latency with read-back (the writer waits until its
 * instance's follower folded its own event, and answers from the fold's decision) against the bare
 * acknowledgement of the same event, in one run, on a 3-broker cluster, at fixed arrival rates.
 *
 * <p>For each rate, every {@linkplain Mode mode} on its own fresh topic ({@link DecideTargets}), each driven as an
 * {@link OpenLoop} (latency from each request's due time, so queueing cannot hide):
 *
 * <ol>
 *   <li><b>ack</b>: {@link KafkaReservationPublisher#publish} of a placement event (with {@code confirmBy} and an
 *       idempotency key, as the core builds it) until it returns, i.e. acknowledged by every in-sync replica;
 *   <li><b>one</b>: {@code ReservationApplication.place} on one {@link ReserveKitKafka}: publish, then wait for the
 *       follower to fold the event, and answer from the fold;
 *   <li><b>many</b>: the same rate spread round-robin over N (3) {@link ReserveKitKafka} in this JVM on one topic;
 *       each instance's follower folds every instance's events;
 *   <li><b>ack-many</b>: the acknowledgement through N publishers, which tells the cost of more producers from the
 *       cost of more followers.
 * </ol>
 *
 * The modes are set up together, warmed up, then measured in slices that take turns (ack, one, many; one, many,
 * ack; ...), so that load from elsewhere on a shared machine falls on all of them alike. Read-back modes also time
 * each request's own acknowledgement (the publish inside {@code place}), which splits their latency into the
 * acknowledgement and the wait for the fold.
 *
 * <p>Without {@code --bootstrap-server} it starts a {@link KafkaProcessCluster} (separate broker processes on free
 * loopback ports, in a temporary directory deleted at the end). It stops by itself: every slice is bounded, and a
 * watchdog ends the run (and the brokers) if it ever overruns. Options: {@link DecideOptions}.
 */
public final class DecideBenchmark {

    private static final Duration CLOCK_SKEW_MARGIN = ReserveKitSettings.DEFAULT_CLOCK_SKEW_MARGIN;

    private final DecideOptions options;
    private final String bootstrap;
    private final List<Long> brokerPids;
    private final DecideTargets targets;
    private final DecideReport report;

    private DecideBenchmark(DecideOptions options, String bootstrap, List<Long> brokerPids) {
        this.options = options;
        this.bootstrap = bootstrap;
        this.brokerPids = brokerPids;
        this.targets = new DecideTargets(options, bootstrap);
        this.report = new DecideReport(bootstrap, options.instances(), !brokerPids.isEmpty());
    }

    public static void main(String[] args) {
        var options = DecideOptions.parse(args);
        startWatchdog(options);
        KafkaProcessCluster cluster = null;
        Thread stopBrokers = null;
        String bootstrap = options.bootstrapServer();
        int exitCode = 0;
        try {
            List<Long> brokerPids = List.of();
            if (bootstrap == null) {
                cluster = startCluster(options.brokers());
                // Ctrl-C, a kill, or the watchdog: the brokers and their data must not outlive the benchmark.
                stopBrokers = new Thread(cluster::reset, "stop-benchmark-brokers");
                Runtime.getRuntime().addShutdownHook(stopBrokers);
                bootstrap = cluster.bootstrapServers();
                brokerPids = cluster.status().stream()
                        .map(KafkaProcessCluster.BrokerStatus::pid)
                        .toList();
            }
            new DecideBenchmark(options, bootstrap, brokerPids).runAll(cluster != null);
        } catch (Exception | Error failed) {
            LoggerFactory.getLogger(DecideBenchmark.class).error("The benchmark failed", failed);
            exitCode = 1;
        } finally {
            if (cluster != null) {
                System.out.println("Stopping the brokers and deleting their data...");
                cluster.reset();
                Runtime.getRuntime().removeShutdownHook(stopBrokers);
            }
        }
        // Kafka clients' and the virtual threads' leftovers must not keep the JVM alive.
        System.exit(exitCode);
    }

    private static KafkaProcessCluster startCluster(int brokers) {
        try {
            var dataDir = Files.createTempDirectory("reservekit-decide-");
            System.out.printf("Starting %d Kafka broker processes (data in %s)...%n", brokers, dataDir);
            var cluster = KafkaProcessCluster.builder(dataDir)
                    .freePorts(brokers)
                    .progress(line -> System.out.println("[kafka-local] " + line))
                    .build();
            cluster.start();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void runAll(boolean ownCluster) {
        System.out.printf(
                Locale.ROOT,
                "Kafka at %s (%s); %d partitions; rates %s/s; per mode %d s warm-up + %d s measured in slices of"
                        + " %d s; %d instances in the many-instance mode; publish timeout %d ms; %d cores, load"
                        + " average %.2f%n",
                bootstrap,
                ownCluster ? options.brokers() + " broker processes started for this run" : "existing cluster",
                options.partitions(),
                options.rates(),
                options.warmUp().toSeconds(),
                options.measured().toSeconds(),
                options.slice().toSeconds(),
                options.instances(),
                options.publishTimeout().toMillis(),
                Runtime.getRuntime().availableProcessors(),
                OpenLoop.loadAverage());
        var producer = ProducerSettings.of(targets.settings("decide-probe"), targets.producerProperties(0))
                .producerProperties();
        var consumer = ConsumerSettings.consumerProperties(targets.consumerProperties(0));
        System.out.printf(
                "Producer: acks=%s linger.ms=%s batch.size=%s; follower's consumer: fetch.min.bytes=%s"
                        + " fetch.max.wait.ms=%s isolation.level=%s%n",
                producer.get(ProducerConfig.ACKS_CONFIG),
                producer.get(ProducerConfig.LINGER_MS_CONFIG),
                producer.get(ProducerConfig.BATCH_SIZE_CONFIG),
                consumer.getOrDefault(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1 (default)"),
                consumer.getOrDefault(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500 (default)"),
                consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));

        int highest = options.rates().stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (!options.jvmWarmUp().isZero()) {
            System.out.printf(
                    "JVM and broker warm-up: %d s of read-back at %d/s, not counted%n",
                    options.jvmWarmUp().toSeconds(), highest);
            try (var warmUp = targets.warmUp(highest)) {
                OpenLoop.run(Phase.of(highest, options.jvmWarmUp()), drain(), warmUp.request());
            }
        }
        var results = new LinkedHashMap<Integer, Map<Mode, Measurement>>();
        for (int rate : options.rates()) {
            results.put(rate, measure(rate));
        }
        report.summary(results);
    }

    /**
     * Every mode at one rate: each set up once (fresh topics), warmed up, then measured in slices that take turns
     * (ack, one, many; one, many, ack; ...), so a burst of load from elsewhere on the machine falls on every mode
     * alike instead of on whichever happened to run then.
     */
    private Map<Mode, Measurement> measure(int rate) {
        var modes = options.modes();
        var running = new LinkedHashMap<Mode, Target>();
        var measurements = new LinkedHashMap<Mode, Measurement>();
        try {
            for (Mode mode : modes) {
                running.put(mode, targets.create(mode, rate));
                measurements.put(mode, new Measurement());
            }
            running.values()
                    .forEach(target -> OpenLoop.run(Phase.of(rate, options.warmUp()), drain(), target.request()));
            int slices = (int) Math.max(
                    1,
                    Math.ceilDiv(options.measured().toSeconds(), options.slice().toSeconds()));
            Duration slice = options.measured().dividedBy(slices);
            System.out.printf(
                    Locale.ROOT,
                    "%d/s: %d slices of %.1f s per mode, taking turns (load average %.2f)%n",
                    rate,
                    slices,
                    slice.toMillis() / 1000.0,
                    OpenLoop.loadAverage());
            for (int k = 0; k < slices; k++) {
                for (int j = 0; j < modes.size(); j++) {
                    Mode mode = modes.get((k + j) % modes.size());
                    var before = CpuTime.now(brokerPids);
                    var run = OpenLoop.run(
                            Phase.of(rate, slice), drain(), running.get(mode).request());
                    measurements.get(mode).add(run, CpuTime.now(brokerPids).minus(before));
                }
            }
            running.values().forEach(Target::afterwards);
        } finally {
            running.values().forEach(Target::close);
        }
        measurements.forEach((mode, measurement) -> report.mode(rate, mode, measurement));
        return measurements;
    }

    private Duration drain() {
        // A writer answers within the publish timeout plus twice the clock-skew margin (CONTRACT.md section 3).
        return options.publishTimeout().plus(CLOCK_SKEW_MARGIN.multipliedBy(2)).plusSeconds(2);
    }

    private static void startWatchdog(DecideOptions options) {
        // Per rate and mode: set-up, warm-up, the measured slices and each slice's drain, generously.
        long perMode = 30
                + options.warmUp().toSeconds()
                + options.measured().toSeconds()
                + (options.measured().toSeconds() / Math.max(1, options.slice().toSeconds()) + 2)
                        * (options.publishTimeout().toSeconds() + 3);
        long budget = 300
                + options.jvmWarmUp().toSeconds()
                + (long) options.rates().size() * options.modes().size() * perMode;
        new Timer("benchmark-watchdog", true)
                .schedule(
                        new TimerTask() {
                            @Override
                            public void run() {
                                System.err.printf(
                                        "The benchmark overran its %d s budget; stopping (and its brokers)%n", budget);
                                System.exit(3);
                            }
                        },
                        TimeUnit.SECONDS.toMillis(budget));
    }
}
