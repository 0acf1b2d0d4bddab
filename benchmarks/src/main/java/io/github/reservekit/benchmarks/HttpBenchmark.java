package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.HttpPostLoad.Result;
import io.github.reservekit.benchmarks.HttpPostLoad.Stats;
import io.github.reservekit.benchmarks.OpenLoop.Phase;
import io.github.reservekit.kafkalocal.process.KafkaProcessCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one shell (its packaged jar, in its own JVM) with an open-loop POST load at fixed arrival rates
 * ({@link HttpPostLoad}), first on Kafka, then the same shell on the in-memory baseline; prints p50, p99, p99.9 and
 * errors per rate, the highest rate whose p99 stays under 50 ms for each, their ratio, the time from process start
 * to the first 201 and the shell's RSS. Optionally kills the leader of one partition during a run and compares the
 * other partitions' latency before and after.
 *
 * <p>Options: {@code --shell spring|micronaut} (required), {@code --rates 100,500,1000} (POSTs/s, ascending),
 * {@code --duration S} (seconds per rate, default 20), {@code --warmup S} (seconds at the first rate before
 * measuring, default 10), {@code --bootstrap-server HOST:PORT} (an existing cluster; else a 3-broker process
 * cluster is started on {@code --base-port}, default 29092, fresh, in {@code target/benchmark-http/kafka}),
 * {@code --port N} (the shell's, default 18080), {@code --jvm "-Xmx256m ..."} (the shell's JVM options), {@code --jar PATH} (another jar of the shell, e.g. an
 * extracted one for class data sharing),
 * {@code --no-baseline}, {@code --baseline-only}, {@code --kill-leader-at RATE} (a last run at that rate, killing partition 0's leader a
 * third into it; needs the local cluster), {@code --stop-p99 MS} (no higher rate once p99 exceeds it, default 2000).
 * On Kafka, after the rates, Kafka's own ProducerPerformance at each rate on the same brokers, warm, with the HTTP
 * p99 beside it and their ratio ({@link ProducerFloor}; {@code --no-floor} leaves it out).
 *
 * <p>{@code --burst WARM,BURST,SECONDS} (e.g. {@code 100,1000,20}) runs the burst scenario instead of the rates: after
 * the warm-up, {@code --warmup} seconds at WARM, SECONDS at BURST, then {@code --recover} seconds (default 30) at WARM,
 * on one open-loop schedule; it reports per phase the answers within 1 s, connection errors, time-outs, 201s and 503s
 * with the p99 of each, and the time to recover to p99 under 250 ms ({@link BurstReport}); then, on the same brokers,
 * Kafka's own ProducerPerformance at WARM and at BURST for comparison ({@link ProducerFloor}; {@code --no-floor}
 * leaves it out).
 */
public final class HttpBenchmark {

    private static final double TARGET_P99_MS = 50;

    /** The unreported ProducerPerformance run before the floors: its JIT and connections warm, as the shell's were. */
    private static final Duration FLOOR_WARM_UP = Duration.ofSeconds(10);

    private HttpBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = HttpOptions.parse(args);
        Path root = Path.of(System.getProperty("reservekit.root", ".")).toAbsolutePath();
        Path work = root.resolve("benchmarks/target/benchmark-http");
        Files.createDirectories(work);
        System.out.println(options.banner());
        KafkaProcessCluster cluster = null;
        String bootstrap = options.bootstrapServers();
        try {
            if (bootstrap == null && !options.baselineOnly()) {
                cluster = startCluster(work.resolve("kafka"), options.basePort());
                bootstrap = cluster.bootstrapServers();
            }
            System.out.println("load average at start: " + loadAverage());
            Optional<Integer> kafka = Optional.empty();
            if (!options.baselineOnly()) {
                kafka = runShell(root, work, options, bootstrap, false, cluster);
            }
            Optional<Integer> baseline = Optional.empty();
            if (options.baseline()) {
                baseline = runShell(root, work, options, bootstrap, true, null);
            }
            System.out.println();
            System.out.printf(
                    "highest rate with p99 < %.0f ms: Kafka %s, in-memory baseline %s%n",
                    TARGET_P99_MS,
                    kafka.map(r -> r + "/s").orElse("none"),
                    baseline.map(r -> r + "/s").orElse(options.baseline() ? "none" : "not run"));
            if (kafka.isPresent() && baseline.isPresent()) {
                System.out.printf(Locale.ROOT, "ratio Kafka / baseline: %.2f%n", kafka.get() / (double) baseline.get());
            }
            System.out.println("load average at end: " + loadAverage());
        } finally {
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    /** Starts the shell, measures its first 201, runs every rate; returns the highest rate meeting the target. */
    private static Optional<Integer> runShell(
            Path root,
            Path work,
            HttpOptions options,
            String bootstrap,
            boolean inMemory,
            KafkaProcessCluster cluster) { // null: an existing cluster, which is never killed
        String label = options.shell().displayName() + (inMemory ? " on the in-memory baseline" : " on Kafka");
        System.out.println();
        System.out.println("== " + label);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        try (var shell = BenchmarkedShell.start(
                        root,
                        options.shell(),
                        options.port(),
                        bootstrap,
                        inMemory,
                        options.jvm(),
                        options.jar(),
                        work);
                var load = new HttpPostLoad(shell.baseUri(), runId, 3)) {
            Duration first201 = shell.awaitFirst201(load, Duration.ofMinutes(3));
            System.out.printf(
                    Locale.ROOT,
                    "first 201 after process start: %.2f s (load average %s); RSS %d MB; log %s%n",
                    first201.toMillis() / 1000.0,
                    loadAverage(),
                    shell.rssMegabytes(),
                    shell.log());
            if (options.burst() != null) {
                burst(shell, load, options, inMemory ? null : bootstrap, cluster);
                return Optional.empty();
            }
            load.run(options.rates().getFirst(), options.warmup());
            Integer best = null;
            var p99ByRate = new LinkedHashMap<Integer, Double>();
            var brokerPids = brokerPids(cluster);
            for (int rate : options.rates()) {
                var cpu = new CpuUse(shell, brokerPids);
                Stats stats = load.run(rate, options.duration()).stats();
                System.out.printf(
                        Locale.ROOT,
                        "%6d/s  %s  RSS %d MB  load %s%n",
                        rate,
                        stats,
                        shell.rssMegabytes(),
                        loadAverage());
                System.out.printf(Locale.ROOT, "          CPU per request: %s%n", cpu.perRequest(stats.requests()));
                p99ByRate.put(rate, stats.p99());
                if (stats.p99() < TARGET_P99_MS && stats.errors() == 0) {
                    best = rate;
                }
                if (stats.p99() > options.stopP99()) {
                    System.out.println("        (p99 over " + options.stopP99() + " ms: no higher rate)");
                    break;
                }
            }
            if (!inMemory && !options.noFloor()) {
                printFloors(bootstrap, List.copyOf(p99ByRate.keySet()), options.duration(), p99ByRate);
            }
            if (options.killLeaderAt() > 0 && cluster != null) {
                sickPartition(cluster, load, options.killLeaderAt(), options.duration());
            }
            return Optional.ofNullable(best);
        }
    }

    /** The burst scenario: warm (unmeasured, then measured), burst, recover; then the producer's own floor. */
    private static void burst(
            BenchmarkedShell shell,
            HttpPostLoad load,
            HttpOptions options,
            String bootstrap,
            KafkaProcessCluster cluster) {
        int warm = options.burst().get(0);
        int burst = options.burst().get(1);
        var phases = List.of(
                new Phase("warm", warm, options.warmup()),
                new Phase("burst", burst, Duration.ofSeconds(options.burst().get(2))),
                new Phase("recover", warm, options.recover()));
        load.run(warm, options.warmup()); // JIT and connections warm, not measured
        String loadBefore = loadAverage();
        var cpu = new CpuUse(shell, brokerPids(cluster));
        var samples = load.runPhases(phases);
        System.out.println("burst scenario (load average before " + loadBefore + ", after " + loadAverage() + "):");
        new BurstReport(phases, samples).lines().forEach(line -> System.out.println("  " + line));
        System.out.printf(
                Locale.ROOT,
                "  CPU per request: %s; RSS %d MB%n",
                cpu.perRequest(samples.size()),
                shell.rssMegabytes());
        if (bootstrap != null && !options.noFloor()) {
            printFloors(
                    bootstrap,
                    List.of(warm, burst),
                    Duration.ofSeconds(options.burst().get(2)),
                    Map.of());
        }
    }

    /**
     * Kafka's own {@code ProducerPerformance} at each rate on the same brokers, records the size of the shell's
     * own, after an unreported run at the first rate (so the floor is warm, as the shell was); beside each, the
     * HTTP p99 at that rate (from {@code httpP99}, where it has the rate) and their ratio.
     */
    private static void printFloors(
            String bootstrap, List<Integer> rates, Duration duration, Map<Integer, Double> httpP99) {
        int recordSize = ProducerFloor.lastRecordSize(bootstrap, "reserve");
        ProducerFloor.measure(bootstrap, rates.getFirst(), FLOOR_WARM_UP, recordSize);
        for (int rate : rates) {
            var floor = ProducerFloor.measure(bootstrap, rate, duration, recordSize);
            Double http = httpP99.get(rate);
            String ratio = http == null || floor.isEmpty()
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; HTTP p99 %.0f ms = %.2fx",
                            http,
                            http / Math.max(1, floor.get().p99Millis()));
            System.out.printf(
                    Locale.ROOT,
                    "  ProducerPerformance at %d/s for %d s, %d-byte records, same brokers, warm (load %s): p99 %s ms%s"
                            + "  [%s]%n",
                    rate,
                    duration.toSeconds(),
                    recordSize,
                    loadAverage(),
                    floor.map(f -> Integer.toString(f.p99Millis())).orElse("?"),
                    ratio,
                    floor.map(ProducerFloor.Floor::summary).orElse("no summary printed"));
        }
    }

    /** One run at {@code rate}; a third into it, partition 0's leader is killed; per partition before and after. */
    private static void sickPartition(KafkaProcessCluster cluster, HttpPostLoad load, int rate, Duration duration) {
        int leader = cluster.describeTopic()
                .orElseThrow(() -> new IllegalStateException("cannot describe the topic"))
                .partitions()
                .getFirst()
                .leader()
                .id();
        Duration killAt = duration.dividedBy(3);
        System.out.printf(
                Locale.ROOT,
                "kill -9 of broker %d (leader of partition 0) %d s into a run at %d/s:%n",
                leader,
                killAt.toSeconds(),
                rate);
        Thread.ofPlatform().daemon().start(() -> {
            LockSupport.parkNanos(killAt.toNanos());
            cluster.killBroker(leader);
        });
        Result result = load.run(rate, duration);
        for (int partition = 0; partition < 3; partition++) {
            System.out.printf(
                    Locale.ROOT,
                    "  partition %d  before %s%n               after  %s%n",
                    partition,
                    result.stats(partition, Duration.ZERO, killAt),
                    result.stats(partition, killAt, duration.plusSeconds(1)));
        }
        cluster.startBroker(leader);
    }

    private static KafkaProcessCluster startCluster(Path dataDir, int basePort) {
        var cluster = KafkaProcessCluster.builder(dataDir)
                .basePort(basePort)
                .controllerBasePort(basePort + KafkaProcessCluster.CONTROLLER_PORT_OFFSET)
                .classpath(System.getProperty("java.class.path"))
                .progress(line -> System.out.println("kafka-local: " + line))
                .build();
        if (cluster.isFormatted()) {
            cluster.reset(); // an empty topic: start-up and the figures do not depend on an earlier run
        }
        cluster.start();
        return cluster;
    }

    /**
     * Where the 2 cores went from its creation on: the shell's JVM, the brokers (when this run started them) and
     * this client's JVM.
     */
    private static final class CpuUse {
        private final BenchmarkedShell shell;
        private final List<Long> brokerPids;
        private final CpuTime before;
        private final long shellBefore;

        CpuUse(BenchmarkedShell shell, List<Long> brokerPids) {
            this.shell = shell;
            this.brokerPids = brokerPids;
            this.before = CpuTime.now(brokerPids);
            this.shellBefore = shell.cpuNanos();
        }

        /** {@code shell 120 us, brokers 80 us, client 40 us}: the CPU used since, per request. */
        String perRequest(int requests) {
            var cpu = CpuTime.now(brokerPids).minus(before);
            long shellCpu = shell.cpuNanos() - shellBefore;
            return String.format(
                    Locale.ROOT,
                    "shell %.0f us, brokers %s, client %.0f us",
                    shellCpu / 1e3 / requests,
                    brokerPids.isEmpty()
                            ? "not measured"
                            : String.format(Locale.ROOT, "%.0f us", cpu.brokerNanos() / 1e3 / requests),
                    cpu.thisJvmNanos() / 1e3 / requests);
        }
    }

    /** The brokers' process ids, when this run started them (cluster not null). */
    private static List<Long> brokerPids(KafkaProcessCluster cluster) {
        return cluster == null
                ? List.of()
                : cluster.status().stream()
                        .map(KafkaProcessCluster.BrokerStatus::pid)
                        .toList();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
