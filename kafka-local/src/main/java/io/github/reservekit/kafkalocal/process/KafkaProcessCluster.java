package io.github.reservekit.kafkalocal.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A real Apache Kafka cluster (KRaft, every node both broker and controller) running as separate {@code
 * kafka.Kafka} processes on loopback, like the seed's docker compose cluster: by default 3 nodes with clients
 * on 9092, 9093 and 9094 and the topic {@code reserve} with replication factor 3 and {@code
 * min.insync.replicas=2}.
 *
 * <p>Everything lives in one data directory: the layout ({@code cluster.properties}), and per node {@code
 * node-N/server.properties}, {@code node-N/data} (the log dir), {@code node-N/logs} (broker logs) and {@code
 * node-N/broker.pid}. The pid files let a later invocation (another JVM) see, stop, kill or restart brokers a
 * previous one started; a restart keeps the topic's data. Storage is formatted on first start.
 *
 * <p>Brokers run with {@code -Xmx512m} and fast failover ({@code broker.session.timeout.ms=3000}): a killed
 * broker leaves the ISR within seconds. Not thread-safe: drive one instance from one thread. {@link #close()}
 * stops the brokers (gracefully, then forcibly).
 */
public final class KafkaProcessCluster implements AutoCloseable {

    /** The topic the apps publish to. */
    public static final String DEFAULT_TOPIC = "reserve";

    public static final int DEFAULT_BROKERS = 3;

    /** Node 1's client port; node N listens on base + N - 1 (9092, 9093, 9094), as in the seed. */
    public static final int DEFAULT_BASE_PORT = 9092;

    /** Controller ports are the client ports plus this offset (10092, 10093, 10094). */
    public static final int CONTROLLER_PORT_OFFSET = 1000;

    public static final int DEFAULT_PARTITIONS = 3;

    /** Replication of {@code reserve} and the internal topics (capped by the number of brokers). */
    public static final int REPLICATION_FACTOR = 3;

    /** {@code min.insync.replicas} of {@code reserve} (capped by its replication factor). */
    public static final int MIN_INSYNC_REPLICAS = 2;

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final String BROKER_LOG4J = "broker-log4j2.xml";

    private final Path dataDir;
    private final ClusterLayout layout;
    private final String javaCommand;
    private final String classpath;
    private final String maxHeap;
    private final Duration readyTimeout;
    private final Consumer<String> progress;
    private final Map<Integer, Process> children = new ConcurrentHashMap<>();

    private KafkaProcessCluster(Builder b, ClusterLayout layout) {
        this.dataDir = b.dataDir;
        this.layout = layout;
        this.javaCommand = b.javaCommand;
        this.classpath = b.classpath;
        this.maxHeap = b.maxHeap;
        this.readyTimeout = b.readyTimeout;
        this.progress = b.progress;
    }

    /** A cluster kept in {@code dataDir}; an existing layout there wins over the builder's defaults. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Status of one node. {@code pid} is -1 when the node is not running. */
    public record BrokerStatus(int nodeId, int port, int controllerPort, long pid, Path logFile) {
        public boolean running() {
            return pid > 0;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code localhost:9092,localhost:9093,localhost:9094} for the default layout. */
    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    public String topic() {
        return layout.topic();
    }

    public int partitions() {
        return layout.partitions();
    }

    public int replicationFactor() {
        return layout.replicationFactor();
    }

    public int minInsyncReplicas() {
        return layout.minInsyncReplicas();
    }

    public List<Integer> nodeIds() {
        return layout.nodeIds();
    }

    public int brokerPort(int nodeId) {
        return layout.brokerPort(nodeId);
    }

    /** Whether the data directory holds a formatted cluster (so {@link #start()} reuses its data). */
    public boolean isFormatted() {
        return ClusterLayout.existsIn(dataDir);
    }

    /**
     * Formats storage if needed, starts every node that is not running, waits until all brokers are registered,
     * creates the topic if absent and waits until each of its partitions has a full ISR.
     *
     * @throws IllegalStateException when a port is taken, a broker dies, or the cluster is not ready in time
     *     (the message names the broker log files)
     */
    public void start() {
        Instant deadline = Instant.now().plus(readyTimeout);
        List<Integer> toStart = nodeIds().stream().filter(id -> !isRunning(id)).toList();
        toStart.forEach(this::checkPortsFree);
        format();
        toStart.forEach(this::launch);
        awaitBrokers(Set.copyOf(nodeIds()), deadline);
        createTopicIfAbsent(deadline);
        awaitInIsr(Set.copyOf(nodeIds()), deadline);
    }

    /** Starts one node if it is not running and waits until it is registered and has caught up. */
    public void startBroker(int nodeId) {
        layout.brokerPort(nodeId);
        if (!isFormatted()) {
            throw new IllegalStateException("no cluster in " + dataDir + ": start the cluster first");
        }
        Instant deadline = Instant.now().plus(readyTimeout);
        if (!isRunning(nodeId)) {
            checkPortsFree(nodeId);
            writeNodeConfig(nodeId);
            launch(nodeId);
        }
        awaitBrokers(Set.of(nodeId), deadline);
        awaitInIsr(Set.of(nodeId), deadline);
    }

    /** Stops one node gracefully (SIGTERM; controlled shutdown moves its leaderships away). */
    public void stopBroker(int nodeId) {
        layout.brokerPort(nodeId);
        terminate(List.of(nodeId), false);
    }

    /** Kills one node like a crash (SIGKILL, {@code kill -9}) and waits until the process is gone. */
    public void killBroker(int nodeId) {
        layout.brokerPort(nodeId);
        terminate(List.of(nodeId), true);
    }

    /** Stops one node gracefully if it runs, then starts it and waits until it has caught up. */
    public void restartBroker(int nodeId) {
        stopBroker(nodeId);
        startBroker(nodeId);
    }

    /** Stops every node gracefully; any node still alive after a minute is killed. Data is kept. */
    public void stop() {
        terminate(nodeIds(), false);
    }

    /** Stops the cluster and deletes its data directory. */
    public void reset() {
        stop();
        deleteDataDir();
    }

    /** Stops the cluster; see {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    public List<BrokerStatus> status() {
        return nodeIds().stream()
                .map(id -> new BrokerStatus(
                        id,
                        layout.brokerPort(id),
                        layout.controllerPort(id),
                        process(id).map(ProcessHandle::pid).orElse(-1L),
                        logFile(id)))
                .toList();
    }

    public boolean isRunning(int nodeId) {
        return process(nodeId).isPresent();
    }

    /** The server log of one node, the first place to look when it misbehaves. */
    public Path logFile(int nodeId) {
        return nodeDir(nodeId).resolve("logs").resolve("server.log");
    }

    /** Admin client settings for this cluster with short timeouts, for status checks. */
    public Properties adminConfig() {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return p;
    }

    /** The topic's partitions as the controller sees them, or empty when the cluster cannot be reached. */
    public Optional<TopicDescription> describeTopic() {
        try (Admin admin = Admin.create(adminConfig())) {
            return Optional.of(admin.describeTopics(List.of(topic()))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(topic()));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- storage

    private void format() {
        try {
            if (!isFormatted()) {
                progress.accept("Formatting storage for " + layout.brokers() + " node(s) in " + dataDir);
            }
            layout.store(dataDir);
            writeBrokerLoggingConfig();
            for (int id : nodeIds()) {
                writeNodeConfig(id);
                if (!Files.exists(nodeDir(id).resolve("data").resolve("meta.properties"))) {
                    runStorageTool(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
    }

    /** Kafka's own {@code kafka-storage format}, run in this JVM to save a JVM start per node. */
    private void runStorageTool(int nodeId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Method execute =
                    Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, PrintStream.class);
            String[] args = {
                "format",
                "--cluster-id",
                layout.clusterId(),
                "--config",
                nodeDir(nodeId).resolve("server.properties").toString(),
                "--ignore-formatted"
            };
            exit = (int) execute.invoke(null, args, ps);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "kafka.tools.StorageTool.execute not found: is org.apache.kafka:kafka_2.13 on the classpath?", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "formatting node " + nodeId + " failed: " + out.toString(StandardCharsets.UTF_8), e.getCause());
        }
        if (exit != 0) {
            throw new IllegalStateException(
                    "formatting node " + nodeId + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void writeNodeConfig(int nodeId) {
        Path dir = nodeDir(nodeId);
        int rf = layout.replicationFactor();
        int minIsr = layout.minInsyncReplicas();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(nodeId));
        c.put("controller.quorum.voters", layout.quorumVoters());
        String listeners = "PLAINTEXT://127.0.0.1:" + layout.brokerPort(nodeId) + ",CONTROLLER://127.0.0.1:"
                + layout.controllerPort(nodeId);
        c.put("listeners", listeners);
        c.put("advertised.listeners", listeners);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("controller.listener.names", "CONTROLLER");
        c.put("log.dirs", dir.resolve("data").toAbsolutePath().toString());
        c.put("num.partitions", Integer.toString(layout.partitions()));
        c.put("default.replication.factor", Integer.toString(rf));
        c.put("min.insync.replicas", Integer.toString(minIsr));
        c.put("offsets.topic.replication.factor", Integer.toString(rf));
        c.put("transaction.state.log.replication.factor", Integer.toString(rf));
        c.put("transaction.state.log.min.isr", Integer.toString(minIsr));
        c.put("share.coordinator.state.topic.replication.factor", Integer.toString(rf));
        c.put("share.coordinator.state.topic.min.isr", Integer.toString(minIsr));
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("auto.create.topics.enable", "false");
        // After a restart one broker often leads everything; move leadership back within 30 s, not 5 min.
        c.put("leader.imbalance.check.interval.seconds", "30");
        // A crashed broker is fenced (and leaves the ISR) after 3 s instead of 9 s.
        c.put("broker.session.timeout.ms", "3000");
        c.put("broker.heartbeat.interval.ms", "500");
        // Sized for a laptop running three brokers at once.
        c.put("num.network.threads", "2");
        c.put("num.io.threads", "4");
        c.put("num.recovery.threads.per.data.dir", "1");
        c.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        StringBuilder text = new StringBuilder("# Written by ReserveKit kafka-local on every start; edits are lost.\n");
        c.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("server.properties"), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config of node " + nodeId, e);
        }
    }

    private void writeBrokerLoggingConfig() throws IOException {
        try (InputStream in = KafkaProcessCluster.class.getResourceAsStream(BROKER_LOG4J)) {
            if (in == null) {
                throw new IllegalStateException(BROKER_LOG4J + " missing from the classpath");
            }
            Files.write(dataDir.resolve(BROKER_LOG4J), in.readAllBytes());
        }
    }

    private void deleteDataDir() {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!ClusterLayout.existsIn(dataDir)) {
            throw new IllegalStateException(dataDir + " holds no " + ClusterLayout.FILE_NAME
                    + ": not deleting a directory this tool did not create");
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir, e);
        }
    }

    private Path nodeDir(int nodeId) {
        return dataDir.resolve("node-" + nodeId);
    }

    // ---------------------------------------------------------------- processes

    private void checkPortsFree(int nodeId) {
        for (int port : List.of(layout.brokerPort(nodeId), layout.controllerPort(nodeId))) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " (node " + nodeId
                        + ") is in use: is another Kafka running (docker compose, another data dir)?"
                        + " Stop it, or choose other ports with --base-port.");
            }
        }
    }

    private void launch(int nodeId) {
        Path dir = nodeDir(nodeId).toAbsolutePath();
        Path logs = dir.resolve("logs");
        List<String> command = List.of(
                javaCommand,
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + logs,
                "-Dlog4j2.configurationFile=" + dataDir.resolve(BROKER_LOG4J).toAbsolutePath(),
                "-cp",
                classpath,
                "kafka.Kafka",
                dir.resolve("server.properties").toString());
        try {
            Files.createDirectories(logs);
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve("stdout.log").toFile()))
                    .start();
            p.getOutputStream().close();
            children.put(nodeId, p);
            PidFile.write(dir.resolve(PidFile.NAME), p.toHandle());
            progress.accept(
                    "Started broker " + nodeId + " (pid " + p.pid() + ") on localhost:" + layout.brokerPort(nodeId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker " + nodeId, e);
        }
    }

    private Optional<ProcessHandle> process(int nodeId) {
        Process child = children.get(nodeId);
        if (child != null && child.isAlive()) {
            return Optional.of(child.toHandle());
        }
        return PidFile.read(nodeDir(nodeId).resolve(PidFile.NAME));
    }

    private void terminate(List<Integer> nodeIds, boolean kill) {
        Map<Integer, ProcessHandle> running = new LinkedHashMap<>();
        for (int id : nodeIds) {
            process(id).ifPresent(h -> running.put(id, h));
        }
        running.forEach((id, h) -> {
            progress.accept((kill ? "Killing (SIGKILL) broker " : "Stopping broker ") + id + " (pid " + h.pid() + ")");
            if (kill) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        });
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        running.forEach((id, h) -> {
            if (!awaitExit(h, deadline)) {
                progress.accept("Broker " + id + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s: killing it (SIGKILL)");
                h.destroyForcibly();
                awaitExit(h, Instant.now().plusSeconds(10));
            }
        });
        for (int id : nodeIds) {
            if (process(id).isEmpty()) {
                PidFile.delete(nodeDir(id).resolve(PidFile.NAME));
                children.remove(id);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle h, Instant deadline) {
        try {
            h.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !h.isAlive();
        } catch (ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    // ---------------------------------------------------------------- readiness

    private void awaitBrokers(Set<Integer> nodeIds, Instant deadline) {
        try (Admin admin = Admin.create(adminConfig())) {
            Set<Integer> missing = nodeIds;
            while (true) {
                checkAlive(nodeIds);
                try {
                    Set<Integer> registered = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).stream()
                            .map(Node::id)
                            .collect(Collectors.toSet());
                    missing = nodeIds.stream()
                            .filter(id -> !registered.contains(id))
                            .collect(Collectors.toSet());
                    if (missing.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not reachable yet
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
                pause(deadline, () -> "waiting for brokers to register");
            }
        }
    }

    private void createTopicIfAbsent(Instant deadline) {
        NewTopic topic = new NewTopic(layout.topic(), layout.partitions(), layout.replicationFactor())
                .configs(Map.of(
                        "min.insync.replicas",
                        Integer.toString(layout.minInsyncReplicas()),
                        // The apps treat the topic as their system of record: keep every event.
                        "retention.ms",
                        "-1",
                        "retention.bytes",
                        "-1",
                        // The apps' fold decides late events by the broker's append time (CONTRACT.md v2).
                        "message.timestamp.type",
                        "LogAppendTime"));
        try (Admin admin = Admin.create(adminConfig())) {
            while (true) {
                try {
                    admin.createTopics(List.of(topic)).all().get(5, TimeUnit.SECONDS);
                    progress.accept("Created topic " + layout.topic() + " (" + layout.partitions()
                            + " partitions, replication factor " + layout.replicationFactor()
                            + ", min.insync.replicas " + layout.minInsyncReplicas() + ")");
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        return;
                    }
                } catch (TimeoutException e) {
                    // retry until the deadline
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
                pause(deadline, () -> "creating topic " + layout.topic());
            }
        }
    }

    /** Waits until every partition has a leader and each of its replicas among {@code nodes} is in sync. */
    private void awaitInIsr(Set<Integer> nodes, Instant deadline) {
        try (Admin admin = Admin.create(adminConfig())) {
            while (true) {
                checkAlive(nodes);
                try {
                    TopicDescription d = admin.describeTopics(List.of(layout.topic()))
                            .allTopicNames()
                            .get(5, TimeUnit.SECONDS)
                            .get(layout.topic());
                    if (d.partitions().stream().allMatch(p -> inSync(p, nodes))) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        throw new IllegalStateException(
                                "topic " + layout.topic() + " does not exist (deleted?): run start to create it again");
                    }
                } catch (TimeoutException e) {
                    // retry until the deadline
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
                pause(
                        deadline,
                        () -> "waiting for brokers " + nodes + " to be in sync on every partition of "
                                + layout.topic());
            }
        }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting for the Kafka cluster", e);
    }

    private static boolean inSync(TopicPartitionInfo p, Set<Integer> nodes) {
        Set<Integer> isr = p.isr().stream().map(Node::id).collect(Collectors.toSet());
        return p.leader() != null
                && !p.leader().isEmpty()
                && p.replicas().stream().map(Node::id).filter(nodes::contains).allMatch(isr::contains);
    }

    private void checkAlive(Set<Integer> nodeIds) {
        for (int id : nodeIds) {
            Process child = children.get(id);
            if (child != null && !child.isAlive()) {
                throw new IllegalStateException("broker " + id + " exited with code " + child.exitValue()
                        + " during startup; see " + logFile(id) + " and "
                        + logFile(id).resolveSibling("stdout.log") + tail(logFile(id)));
            }
        }
    }

    private void pause(Instant deadline, Supplier<String> what) {
        if (Instant.now().isAfter(deadline)) {
            String logs = nodeIds().stream().map(id -> logFile(id).toString()).collect(Collectors.joining(", "));
            throw new IllegalStateException("Kafka cluster not ready after " + readyTimeout.toSeconds() + " s ("
                    + what.get() + "). Broker logs: " + logs);
        }
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what.get(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Builds a {@link KafkaProcessCluster}; every setting has a default matching the seed's cluster. */
    public static final class Builder {
        private final Path dataDir;
        private Integer brokers;
        private Integer basePort;
        private Integer controllerBasePort;
        private List<Integer> brokerPorts;
        private List<Integer> controllerPorts;
        private String topic;
        private Integer partitions;
        private String javaCommand =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private String classpath = System.getProperty("java.class.path");
        private String maxHeap = "512m";
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private Consumer<String> progress = line -> {};

        private Builder(Path dataDir) {
            this.dataDir =
                    Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        }

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        /** Client port of node 1; node N gets base + N - 1. Controllers get the same plus 1000. */
        public Builder basePort(int basePort) {
            this.basePort = basePort;
            return this;
        }

        public Builder controllerBasePort(int controllerBasePort) {
            this.controllerBasePort = controllerBasePort;
            return this;
        }

        /** Explicit ports (e.g. free ones found by a test); one broker and one controller port per node. */
        public Builder ports(List<Integer> brokerPorts, List<Integer> controllerPorts) {
            this.brokerPorts = List.copyOf(brokerPorts);
            this.controllerPorts = List.copyOf(controllerPorts);
            return this;
        }

        /**
         * {@code brokers} nodes on loopback ports free right now, so a test or benchmark never meets a developer's
         * own cluster on the default ports.
         */
        public Builder freePorts(int brokers) {
            var sockets = new ArrayList<ServerSocket>();
            try {
                for (int i = 0; i < 2 * brokers; i++) {
                    var socket = new ServerSocket();
                    sockets.add(socket);
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback ports", e);
            } finally {
                sockets.forEach(socket -> {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // only looked for a port
                    }
                });
            }
            List<Integer> ports =
                    sockets.stream().map(ServerSocket::getLocalPort).toList();
            return ports(ports.subList(0, brokers), ports.subList(brokers, 2 * brokers));
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Classpath of the broker processes; defaults to this JVM's, which must hold kafka_2.13. */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
            return this;
        }

        /** Receives one line per step (formatting, broker started, topic created, ...). */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * @throws IllegalStateException when the data directory holds a cluster whose layout differs from
         *     explicitly requested settings
         */
        public KafkaProcessCluster build() {
            ClusterLayout requested = requestedLayout();
            if (!ClusterLayout.existsIn(dataDir)) {
                return new KafkaProcessCluster(this, requested);
            }
            ClusterLayout stored;
            try {
                stored = ClusterLayout.load(dataDir);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "cannot read " + dataDir.resolve(ClusterLayout.FILE_NAME) + ": " + e.getMessage(), e);
            }
            List<String> conflicts = new ArrayList<>();
            if (brokers != null || brokerPorts != null) {
                if (requested.brokers() != stored.brokers()) {
                    conflicts.add(stored.brokers() + " broker(s), not " + requested.brokers());
                }
            }
            if ((basePort != null || brokerPorts != null)
                    && !requested.brokerPorts().equals(stored.brokerPorts())) {
                conflicts.add("broker ports " + stored.brokerPorts() + ", not " + requested.brokerPorts());
            }
            if ((controllerBasePort != null || controllerPorts != null)
                    && !requested.controllerPorts().equals(stored.controllerPorts())) {
                conflicts.add("controller ports " + stored.controllerPorts() + ", not " + requested.controllerPorts());
            }
            if (topic != null && !topic.equals(stored.topic())) {
                conflicts.add("topic " + stored.topic() + ", not " + topic);
            }
            if (partitions != null && partitions != stored.partitions()) {
                conflicts.add(stored.partitions() + " partitions, not " + partitions);
            }
            if (!conflicts.isEmpty()) {
                throw new IllegalStateException("the cluster in " + dataDir + " was created with "
                        + String.join(", ", conflicts) + ". Use it as it is, run reset to start over,"
                        + " or choose another data directory.");
            }
            return new KafkaProcessCluster(this, stored);
        }

        private ClusterLayout requestedLayout() {
            String clusterId = Uuid.randomUuid().toString();
            String t = topic == null ? DEFAULT_TOPIC : topic;
            int parts = partitions == null ? DEFAULT_PARTITIONS : partitions;
            if (brokerPorts != null) {
                return new ClusterLayout(clusterId, brokerPorts, controllerPorts, t, parts);
            }
            int base = basePort == null ? DEFAULT_BASE_PORT : basePort;
            int controllerBase = controllerBasePort == null ? base + CONTROLLER_PORT_OFFSET : controllerBasePort;
            return ClusterLayout.consecutive(
                    clusterId, brokers == null ? DEFAULT_BROKERS : brokers, base, controllerBase, t, parts);
        }
    }
}
