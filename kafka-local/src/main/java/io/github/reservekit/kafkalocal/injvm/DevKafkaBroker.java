package io.github.reservekit.kafkalocal.injvm;

import io.github.reservekit.kafkalocal.node.BrokerSettings;
import io.github.reservekit.kafkalocal.node.DataDirectories;
import io.github.reservekit.kafkalocal.node.KraftNode;
import io.github.reservekit.kafkalocal.node.LoopbackPorts;
import io.github.reservekit.kafkalocal.node.StorageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The dev run's Kafka: one real broker (a combined KRaft broker+controller node) in this JVM, listening on
 * {@code localhost:9092} when that port is free, so the seed's commands ({@code kafka-topics --bootstrap-server
 * localhost:9092 --list}) work as typed, and keeping its data in a directory across runs, so what an app
 * published is still on the topic after a restart.
 *
 * <p>Unlike {@link InJvmKafkaCluster} (Kafka's test kit: temporary directories, random ports, deleted on close)
 * this is Kafka's own {@code KafkaRaftServer} on a {@code server.properties} of its own, as {@code kafka.Kafka}
 * runs it. Storage is formatted once, on first start; the marker file {@value #MARKER} says the directory is
 * this class's, and only such a directory is ever deleted by {@link #deleteData(Path)}.
 *
 * <p>When the preferred port is taken, the broker listens on a free port instead and {@link #portNotice()}
 * says so. Two brokers cannot share one data directory: the second start fails with a message naming it.
 * {@link #close()} stops the broker (a controlled shutdown) and keeps the data. Not thread-safe.
 */
public final class DevKafkaBroker implements AutoCloseable {

    /** The seed's port, and Kafka's default. */
    public static final int DEFAULT_PORT = 9092;

    /** Written into the data directory on first start; {@link #deleteData} deletes only directories holding it. */
    public static final String MARKER = "reservekit-dev-broker.properties";

    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final DirectoryLock lock;
    private final Path dataDir;
    private final int port;
    private final boolean formatted;
    private final Optional<String> portNotice;

    private DevKafkaBroker(
            KafkaRaftServer server, Path dataDir, int port, boolean formatted, String portNotice, DirectoryLock lock) {
        this.server = server;
        this.lock = lock;
        this.dataDir = dataDir;
        this.port = port;
        this.formatted = formatted;
        this.portNotice = Optional.ofNullable(portNotice);
    }

    /**
     * Starts the broker on {@code preferredPort} (a free port if that one is taken) with its data in {@code
     * dataDir}, formatting the directory if it holds no broker yet, and returns once clients can use it.
     *
     * @throws IllegalArgumentException if {@code dataDir} exists, is not empty and is not a dev broker's
     * @throws IllegalStateException if the broker does not start (e.g. another broker uses the directory)
     */
    public static DevKafkaBroker start(Path dataDir, int preferredPort) {
        Path dir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        if (!Files.exists(dir.resolve(MARKER)) && Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new IllegalArgumentException(dir + " is not empty and holds no " + MARKER
                    + ": not putting a broker into a directory that something else uses");
        }
        DirectoryLock lock = DirectoryLock.take(dir);
        String notice = null;
        int port = preferredPort;
        if (preferredPort == 0 || !LoopbackPorts.isFree(preferredPort)) {
            port = LoopbackPorts.freePort();
            if (preferredPort != 0) {
                notice = "localhost:" + preferredPort + " is in use (another Kafka, or another app's dev broker?),"
                        + " so this broker listens on localhost:" + port + " instead.";
            }
        }
        boolean fresh = !Files.exists(dir.resolve("data").resolve("meta.properties"));
        try {
            Files.writeString(
                    dir.resolve(MARKER),
                    "# A ReserveKit dev broker's data directory (DevKafkaBroker): delete it to start afresh.\n");
            if (fresh) {
                format(dir, config(dir, port, LoopbackPorts.freePort()));
            }
            return launch(dir, port, fresh, notice, lock);
        } catch (RuntimeException | IOException first) {
            Exception failure = first;
            if (port == preferredPort && preferredPort != 0 && !LoopbackPorts.isFree(preferredPort)) {
                // Another broker (say, the other app's, started at the same moment) took the port after the check.
                int other = LoopbackPorts.freePort();
                String raced = "localhost:" + preferredPort + " was taken while this broker started (another app's"
                        + " dev broker?), so it listens on localhost:" + other + " instead.";
                try {
                    return launch(dir, other, fresh, raced, lock);
                } catch (RuntimeException again) {
                    failure = again;
                }
            }
            lock.close();
            throw new IllegalStateException("the dev broker did not start: " + failure.getMessage(), failure);
        }
    }

    /** Starts the server on {@code port}, or shuts down what it started and throws. */
    private static DevKafkaBroker launch(Path dir, int port, boolean fresh, String notice, DirectoryLock lock) {
        var server = new KafkaRaftServer(
                KafkaConfig.fromProps(config(dir, port, LoopbackPorts.freePort()), false), Time.SYSTEM);
        try {
            server.startup();
            var broker = new DevKafkaBroker(server, dir, port, fresh, notice, lock);
            broker.awaitReady();
            return broker;
        } catch (RuntimeException failure) {
            server.shutdown();
            server.awaitShutdown();
            throw failure;
        }
    }

    /**
     * Deletes a dev broker's data directory (the next start formats a fresh one); does nothing if it does not
     * exist.
     *
     * @throws IllegalArgumentException if the directory holds no {@value #MARKER}
     * @throws IllegalStateException if a broker runs on it
     */
    public static void deleteData(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.exists(dir.resolve(MARKER))) {
            throw new IllegalArgumentException(
                    dir + " holds no " + MARKER + ": not deleting a directory that is not a dev broker's");
        }
        DirectoryLock.take(dir).close(); // refuses while a broker runs on it
        DataDirectories.deleteTree(dir);
    }

    /** {@code localhost:9092}, or the port chosen instead. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the broker keeps its data across runs. */
    public Path dataDir() {
        return dataDir;
    }

    /** Whether this start formatted a new, empty broker (false: it reopened the data of earlier runs). */
    public boolean formattedNow() {
        return formatted;
    }

    /** Why the broker is not on the preferred port, when it is not. */
    public Optional<String> portNotice() {
        return portNotice;
    }

    /** Stops the broker (controlled shutdown) and waits until it has; the data stays. */
    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            lock.close();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis()))) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "the dev broker on " + bootstrapServers() + " was not ready after "
                                        + READY_TIMEOUT.toSeconds() + " s",
                                notYet);
                    }
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the dev broker", interrupted);
        }
    }

    private static Properties config(Path dir, int port, int controllerPort) {
        // A static voter set: the controller's port may differ from run to run without touching the data.
        var node = new KraftNode(
                NODE_ID, port, controllerPort, NODE_ID + "@127.0.0.1:" + controllerPort, dir.resolve("data"));
        Map<String, String> c = node.settings("PLAINTEXT://localhost:" + port, 1, 1);
        c.put("offsets.topic.num.partitions", "5");
        // Two cores shared with the app in the same JVM: few threads, a small cleaner buffer.
        c.putAll(BrokerSettings.smallMachine(2, 4));
        c.put("background.threads", "2");
        c.put("log.cleaner.threads", "1");
        var properties = new Properties();
        properties.putAll(c);
        return properties;
    }

    /** Kafka's own {@code kafka-storage format}, in this JVM. */
    private static void format(Path dir, Properties config) throws IOException {
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, "Written by DevKafkaBroker for kafka-storage format; the broker is configured in code");
        }
        StorageFormat.format(file, Uuid.randomUuid().toString(), "the dev broker's storage in " + dir);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
