package io.github.reservekit.kafkalocal.process;

import io.github.reservekit.kafkalocal.node.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * A real Apache Kafka cluster (KRaft, every node both broker and controller) running as separate {@code
 * kafka.Kafka} processes on loopback, like the seed's docker compose cluster: by default 3 nodes with clients
 * on 9092, 9093 and 9094 and the topic {@code reserve} with replication factor 3 and {@code
 * min.insync.replicas=2}.
 *
 * <p>Everything lives in one data directory: the layout, and per node its config, data, logs and pid file. The
 * pid files let a later invocation (another JVM) see, stop, kill or restart brokers a previous one started; a
 * restart keeps the topic's data. Storage is formatted on first start.
 *
 * <p>Brokers run with {@code -Xmx512m} and fast failover ({@code broker.session.timeout.ms=3000}): a killed
 * broker leaves the ISR within seconds. Not thread-safe: drive one instance from one thread. {@link #close()}
 * stops the brokers (gracefully, then forcibly).
 */
public final class KafkaProcessCluster implements AutoCloseable {

    /** Controller ports are the client ports plus this offset (10092, 10093, 10094). */
    public static final int CONTROLLER_PORT_OFFSET = ClusterLayout.CONTROLLER_PORT_OFFSET;

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    private final ClusterLayout layout;
    private final ClusterDirectory directory;
    private final BrokerProcesses processes;
    private final ClusterAdmin admin;

    private KafkaProcessCluster(Builder b, ClusterLayout layout) {
        this.layout = layout;
        this.directory = new ClusterDirectory(b.dataDir, layout, b.progress);
        this.processes = new BrokerProcesses(directory, layout, b.javaCommand, b.classpath, b.maxHeap, b.progress);
        this.admin = new ClusterAdmin(layout, directory, processes, b.readyTimeout, b.progress);
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
        return directory.path();
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
        return directory.isFormatted();
    }

    /**
     * Formats storage if needed, starts every node that is not running, waits until all brokers are registered,
     * creates the topic if absent and waits until each of its partitions has a full ISR.
     *
     * @throws IllegalStateException when a port is taken, a broker dies, or the cluster is not ready in time
     *     (the message names the broker log files)
     */
    public void start() {
        Instant deadline = admin.readyDeadline();
        List<Integer> toStart = nodeIds().stream().filter(id -> !isRunning(id)).toList();
        toStart.forEach(processes::checkPortsFree);
        directory.prepare();
        toStart.forEach(processes::launch);
        admin.awaitBrokers(Set.copyOf(nodeIds()), deadline);
        admin.createTopicIfAbsent(deadline);
        admin.awaitInIsr(Set.copyOf(nodeIds()), deadline);
    }

    /** Starts one node if it is not running and waits until it is registered and has caught up. */
    public void startBroker(int nodeId) {
        layout.brokerPort(nodeId);
        if (!isFormatted()) {
            throw new IllegalStateException("no cluster in " + dataDir() + ": start the cluster first");
        }
        Instant deadline = admin.readyDeadline();
        if (!isRunning(nodeId)) {
            processes.checkPortsFree(nodeId);
            directory.writeNodeConfig(nodeId);
            processes.launch(nodeId);
        }
        admin.awaitBrokers(Set.of(nodeId), deadline);
        admin.awaitInIsr(Set.of(nodeId), deadline);
    }

    /** Stops one node gracefully (SIGTERM; controlled shutdown moves its leaderships away). */
    public void stopBroker(int nodeId) {
        layout.brokerPort(nodeId);
        processes.terminate(List.of(nodeId), false);
    }

    /** Kills one node like a crash (SIGKILL, {@code kill -9}) and waits until the process is gone. */
    public void killBroker(int nodeId) {
        layout.brokerPort(nodeId);
        processes.terminate(List.of(nodeId), true);
    }

    /** Stops one node gracefully if it runs, then starts it and waits until it has caught up. */
    public void restartBroker(int nodeId) {
        stopBroker(nodeId);
        startBroker(nodeId);
    }

    /** Stops every node gracefully; any node still alive after a minute is killed. Data is kept. */
    public void stop() {
        processes.terminate(nodeIds(), false);
    }

    /** Stops the cluster and deletes its data directory. */
    public void reset() {
        stop();
        directory.delete();
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
                        processes.process(id).map(ProcessHandle::pid).orElse(-1L),
                        logFile(id)))
                .toList();
    }

    public boolean isRunning(int nodeId) {
        return processes.process(nodeId).isPresent();
    }

    /** The server log of one node, the first place to look when it misbehaves. */
    public Path logFile(int nodeId) {
        return directory.logFile(nodeId);
    }

    /** Admin client settings for this cluster with short timeouts, for status checks. */
    public Properties adminConfig() {
        return admin.config();
    }

    /** The topic's partitions as the controller sees them, or empty when the cluster cannot be reached. */
    public Optional<TopicDescription> describeTopic() {
        return admin.describeTopic();
    }

    /** Builds a {@link KafkaProcessCluster}; every setting has a default matching the seed's cluster. */
    public static final class Builder {
        private final Path dataDir;
        private final LayoutRequest layout = new LayoutRequest();
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
            layout.brokers = brokers;
            return this;
        }

        /** Client port of node 1; node N gets base + N - 1. Controllers get the same plus 1000. */
        public Builder basePort(int basePort) {
            layout.basePort = basePort;
            return this;
        }

        public Builder controllerBasePort(int controllerBasePort) {
            layout.controllerBasePort = controllerBasePort;
            return this;
        }

        /** Explicit ports (e.g. free ones found by a test); one broker and one controller port per node. */
        public Builder ports(List<Integer> brokerPorts, List<Integer> controllerPorts) {
            layout.brokerPorts = List.copyOf(brokerPorts);
            layout.controllerPorts = List.copyOf(controllerPorts);
            return this;
        }

        /**
         * {@code brokers} nodes on loopback ports free right now, so a test or benchmark never meets a developer's
         * own cluster on the default ports.
         */
        public Builder freePorts(int brokers) {
            List<Integer> ports = LoopbackPorts.freePorts(2 * brokers);
            return ports(ports.subList(0, brokers), ports.subList(brokers, 2 * brokers));
        }

        public Builder topic(String topic) {
            layout.topic = topic;
            return this;
        }

        public Builder partitions(int partitions) {
            layout.partitions = partitions;
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
            return new KafkaProcessCluster(this, layout.resolve(dataDir));
        }
    }
}
