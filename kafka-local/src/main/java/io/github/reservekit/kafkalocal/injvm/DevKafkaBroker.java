package io.github.reservekit.kafkalocal.injvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

    private static final String LOCK = "dev-broker.lock";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final FileLock lock;
    private final Path dataDir;
    private final int port;
    private final boolean formatted;
    private final Optional<String> portNotice;

    private DevKafkaBroker(
            KafkaRaftServer server, Path dataDir, int port, boolean formatted, String portNotice, FileLock lock) {
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
        FileLock lock = lock(dir);
        String notice = null;
        int port = preferredPort;
        if (preferredPort == 0 || !isFree(preferredPort)) {
            port = freePort();
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
                format(dir, config(dir, port, freePort()));
            }
            return launch(dir, port, fresh, notice, lock);
        } catch (RuntimeException | IOException first) {
            Exception failure = first;
            if (port == preferredPort && preferredPort != 0 && !isFree(preferredPort)) {
                // Another broker (say, the other app's, started at the same moment) took the port after the check.
                int other = freePort();
                String raced = "localhost:" + preferredPort + " was taken while this broker started (another app's"
                        + " dev broker?), so it listens on localhost:" + other + " instead.";
                try {
                    return launch(dir, other, fresh, raced, lock);
                } catch (RuntimeException again) {
                    failure = again;
                }
            }
            release(lock);
            throw new IllegalStateException("the dev broker did not start: " + failure.getMessage(), failure);
        }
    }

    /** Starts the server on {@code port}, or shuts down what it started and throws. */
    private static DevKafkaBroker launch(Path dir, int port, boolean fresh, String notice, FileLock lock) {
        var server = new KafkaRaftServer(KafkaConfig.fromProps(config(dir, port, freePort()), false), Time.SYSTEM);
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
     * Takes the directory's own lock before Kafka opens anything in it: Kafka's metadata log would otherwise be
     * opened by a second broker before Kafka's lock on the data refuses it, and the two would fight over it.
     */
    private static FileLock lock(Path dir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // held by a broker of this JVM: refused below
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + dir.resolve(LOCK), e);
        }
        closeQuietly(channel);
        throw new IllegalStateException("another Kafka broker is using " + dir + " (is the same app already running?)");
    }

    private static void release(FileLock lock) {
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // nothing left to release
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
        release(lock(dir)); // refuses while a broker runs on it
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
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
            release(lock);
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
        var c = new LinkedHashMap<String, String>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(NODE_ID));
        // A static voter set: the controller's port may differ from run to run without touching the data.
        c.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        c.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("controller.listener.names", "CONTROLLER");
        c.put("log.dirs", dir.resolve("data").toString());
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "5");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("default.replication.factor", "1");
        c.put("min.insync.replicas", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        // As on a real cluster: the apps create their topics themselves, with the settings they need.
        c.put("auto.create.topics.enable", "false");
        // Two cores shared with the app in the same JVM: few threads, a small cleaner buffer.
        c.put("num.network.threads", "2");
        c.put("num.io.threads", "2");
        c.put("background.threads", "2");
        c.put("num.recovery.threads.per.data.dir", "1");
        c.put("log.cleaner.threads", "1");
        c.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
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
        var output = new ByteArrayOutputStream();
        int exit;
        try (var print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString()};
            exit = (int) Class.forName("kafka.tools.StorageTool")
                    .getMethod("execute", String[].class, PrintStream.class)
                    .invoke(null, args, print);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException(
                    "formatting the dev broker's storage in " + dir + " failed: "
                            + output.toString(StandardCharsets.UTF_8),
                    cause);
        }
        if (exit != 0) {
            throw new IllegalStateException("formatting the dev broker's storage in " + dir + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
