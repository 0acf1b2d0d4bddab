package io.github.reservekit.kafkalocal.process;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where each node of a local cluster listens and what it was formatted with. Stored in the data directory
 * ({@value #FILE_NAME}) on first start, so later commands (status, stop, restart-broker) and restarts agree
 * with the storage on disk.
 */
record ClusterLayout(
        String clusterId, List<Integer> brokerPorts, List<Integer> controllerPorts, String topic, int partitions) {

    static final String FILE_NAME = "cluster.properties";

    // The seed's cluster (docker-compose.yml): what a builder gets for every setting it leaves alone.
    /** The topic the apps publish to. */
    static final String DEFAULT_TOPIC = "reserve";

    static final int DEFAULT_BROKERS = 3;
    static final int DEFAULT_PARTITIONS = 3;
    /** Node 1's client port; node N listens on base + N - 1 (9092, 9093, 9094), as in the seed. */
    static final int DEFAULT_BASE_PORT = 9092;
    /** Controller ports are the client ports plus this offset (10092, 10093, 10094). */
    static final int CONTROLLER_PORT_OFFSET = 1000;
    /** Replication of the topic and the internal topics (capped by the number of brokers). */
    static final int REPLICATION_FACTOR = 3;
    /** {@code min.insync.replicas} of the topic (capped by its replication factor). */
    static final int MIN_INSYNC_REPLICAS = 2;

    ClusterLayout {
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalArgumentException("clusterId must not be blank");
        }
        brokerPorts = List.copyOf(brokerPorts);
        controllerPorts = List.copyOf(controllerPorts);
        if (brokerPorts.isEmpty() || brokerPorts.size() != controllerPorts.size()) {
            throw new IllegalArgumentException("need one controller port per broker port, got brokers " + brokerPorts
                    + " and controllers " + controllerPorts);
        }
        if (IntStream.concat(
                                brokerPorts.stream().mapToInt(Integer::intValue),
                                controllerPorts.stream().mapToInt(Integer::intValue))
                        .distinct()
                        .count()
                != 2L * brokerPorts.size()) {
            throw new IllegalArgumentException(
                    "ports must all differ, got brokers " + brokerPorts + " and controllers " + controllerPorts);
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
    }

    /** Consecutive ports from the two bases, node 1 on the base ports. */
    static ClusterLayout consecutive(
            String clusterId, int brokers, int basePort, int controllerBasePort, String topic, int partitions) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1, got " + brokers);
        }
        return new ClusterLayout(
                clusterId,
                IntStream.range(0, brokers).mapToObj(i -> basePort + i).toList(),
                IntStream.range(0, brokers)
                        .mapToObj(i -> controllerBasePort + i)
                        .toList(),
                topic,
                partitions);
    }

    int brokers() {
        return brokerPorts.size();
    }

    /** Node ids are 1..brokers, as in the seed's compose file. */
    List<Integer> nodeIds() {
        return IntStream.rangeClosed(1, brokers()).boxed().toList();
    }

    int brokerPort(int nodeId) {
        return brokerPorts.get(index(nodeId));
    }

    int controllerPort(int nodeId) {
        return controllerPorts.get(index(nodeId));
    }

    /** RF 3 like the seed's cluster, less only when there are fewer brokers. */
    short replicationFactor() {
        return (short) Math.min(REPLICATION_FACTOR, brokers());
    }

    int minInsyncReplicas() {
        return Math.min(MIN_INSYNC_REPLICAS, replicationFactor());
    }

    String bootstrapServers() {
        return brokerPorts.stream().map(p -> "localhost:" + p).collect(Collectors.joining(","));
    }

    String quorumVoters() {
        return nodeIds().stream()
                .map(id -> id + "@127.0.0.1:" + controllerPort(id))
                .collect(Collectors.joining(","));
    }

    private int index(int nodeId) {
        if (nodeId < 1 || nodeId > brokers()) {
            throw new IllegalArgumentException("no broker " + nodeId + ": this cluster has brokers 1 to " + brokers());
        }
        return nodeId - 1;
    }

    void store(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("cluster.id", clusterId);
        p.setProperty("broker.ports", join(brokerPorts));
        p.setProperty("controller.ports", join(controllerPorts));
        p.setProperty("topic", topic);
        p.setProperty("partitions", Integer.toString(partitions));
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "ReserveKit local Kafka cluster: written on first start, read by every later command");
        }
        Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean existsIn(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE_NAME));
    }

    static ClusterLayout load(Path dataDir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new ClusterLayout(
                p.getProperty("cluster.id"),
                split(p.getProperty("broker.ports", "")),
                split(p.getProperty("controller.ports", "")),
                p.getProperty("topic"),
                Integer.parseInt(p.getProperty("partitions", "0")));
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String ports) {
        return Arrays.stream(ports.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }
}
