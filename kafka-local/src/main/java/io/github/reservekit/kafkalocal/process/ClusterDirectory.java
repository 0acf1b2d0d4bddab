package io.github.reservekit.kafkalocal.process;

import io.github.reservekit.kafkalocal.node.BrokerSettings;
import io.github.reservekit.kafkalocal.node.DataDirectories;
import io.github.reservekit.kafkalocal.node.KraftNode;
import io.github.reservekit.kafkalocal.node.StorageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A cluster's data directory: the layout ({@value ClusterLayout#FILE_NAME}), the brokers' logging config, and per
 * node {@code node-N/server.properties}, {@code node-N/data} (the log dir), {@code node-N/logs} and {@code
 * node-N/broker.pid}.
 */
final class ClusterDirectory {

    private static final String BROKER_LOG4J = "broker-log4j2.xml";

    private final Path dataDir;
    private final ClusterLayout layout;
    private final Consumer<String> progress;

    ClusterDirectory(Path dataDir, ClusterLayout layout, Consumer<String> progress) {
        this.dataDir = dataDir;
        this.layout = layout;
        this.progress = progress;
    }

    Path path() {
        return dataDir;
    }

    /** Whether it holds a formatted cluster, whose data a start reuses. */
    boolean isFormatted() {
        return ClusterLayout.existsIn(dataDir);
    }

    Path nodeDir(int nodeId) {
        return dataDir.resolve("node-" + nodeId);
    }

    Path logFile(int nodeId) {
        return nodeDir(nodeId).resolve("logs").resolve("server.log");
    }

    Path pidFile(int nodeId) {
        return nodeDir(nodeId).resolve(PidFile.NAME);
    }

    Path serverProperties(int nodeId) {
        return nodeDir(nodeId).resolve("server.properties");
    }

    Path brokerLoggingConfig() {
        return dataDir.resolve(BROKER_LOG4J);
    }

    /** Stores the layout, writes every config and formats the storage of each node not formatted yet. */
    void prepare() {
        try {
            if (!isFormatted()) {
                progress.accept("Formatting storage for " + layout.brokers() + " node(s) in " + dataDir);
            }
            layout.store(dataDir);
            writeBrokerLoggingConfig();
            for (int id : layout.nodeIds()) {
                writeNodeConfig(id);
                if (!Files.exists(nodeDir(id).resolve("data").resolve("meta.properties"))) {
                    StorageFormat.format(serverProperties(id), layout.clusterId(), "node " + id, "--ignore-formatted");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
    }

    /** Writes the node's {@code server.properties} afresh from the layout. */
    void writeNodeConfig(int nodeId) {
        Path dir = nodeDir(nodeId);
        var node = new KraftNode(
                nodeId,
                layout.brokerPort(nodeId),
                layout.controllerPort(nodeId),
                layout.quorumVoters(),
                dir.resolve("data"));
        Map<String, String> c = node.settings(node.listeners(), layout.replicationFactor(), layout.minInsyncReplicas());
        c.put("num.partitions", Integer.toString(layout.partitions()));
        // After a restart one broker often leads everything; move leadership back within 30 s, not 5 min.
        c.put("leader.imbalance.check.interval.seconds", "30");
        c.putAll(BrokerSettings.fastFailover());
        // Sized for a laptop running three brokers at once.
        c.putAll(BrokerSettings.smallMachine(4, 8));
        StringBuilder text = new StringBuilder("# Written by ReserveKit kafka-local on every start; edits are lost.\n");
        c.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(serverProperties(nodeId), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config of node " + nodeId, e);
        }
    }

    /** Deletes the directory, refusing one this tool did not create. */
    void delete() {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!isFormatted()) {
            throw new IllegalStateException(dataDir + " holds no " + ClusterLayout.FILE_NAME
                    + ": not deleting a directory this tool did not create");
        }
        DataDirectories.deleteTree(dataDir);
    }

    private void writeBrokerLoggingConfig() throws IOException {
        try (InputStream in = ClusterDirectory.class.getResourceAsStream(BROKER_LOG4J)) {
            if (in == null) {
                throw new IllegalStateException(BROKER_LOG4J + " missing from the classpath");
            }
            Files.write(brokerLoggingConfig(), in.readAllBytes());
        }
    }
}
