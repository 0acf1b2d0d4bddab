package io.github.reservekit.kafkalocal.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * The layout a builder asked for: each setting null where it was left at the seed's default. A layout already
 * stored in the data directory wins, unless it contradicts a setting that was asked for explicitly.
 */
final class LayoutRequest {

    Integer brokers;
    Integer basePort;
    Integer controllerBasePort;
    List<Integer> brokerPorts;
    List<Integer> controllerPorts;
    String topic;
    Integer partitions;

    /**
     * The layout stored in {@code dataDir}, or a new one when there is none.
     *
     * @throws IllegalStateException when the stored layout cannot be read or differs from an explicit setting
     */
    ClusterLayout resolve(Path dataDir) {
        ClusterLayout requested = newLayout();
        if (!ClusterLayout.existsIn(dataDir)) {
            return requested;
        }
        ClusterLayout stored;
        try {
            stored = ClusterLayout.load(dataDir);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read " + dataDir.resolve(ClusterLayout.FILE_NAME) + ": " + e.getMessage(), e);
        }
        List<String> conflicts = conflicts(requested, stored);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("the cluster in " + dataDir + " was created with "
                    + String.join(", ", conflicts) + ". Use it as it is, run reset to start over,"
                    + " or choose another data directory.");
        }
        return stored;
    }

    private List<String> conflicts(ClusterLayout requested, ClusterLayout stored) {
        List<String> conflicts = new ArrayList<>();
        if ((brokers != null || brokerPorts != null) && requested.brokers() != stored.brokers()) {
            conflicts.add(stored.brokers() + " broker(s), not " + requested.brokers());
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
        return conflicts;
    }

    private ClusterLayout newLayout() {
        String clusterId = Uuid.randomUuid().toString();
        String t = topic == null ? ClusterLayout.DEFAULT_TOPIC : topic;
        int parts = partitions == null ? ClusterLayout.DEFAULT_PARTITIONS : partitions;
        if (brokerPorts != null) {
            return new ClusterLayout(clusterId, brokerPorts, controllerPorts, t, parts);
        }
        int base = basePort == null ? ClusterLayout.DEFAULT_BASE_PORT : basePort;
        int controllerBase =
                controllerBasePort == null ? base + ClusterLayout.CONTROLLER_PORT_OFFSET : controllerBasePort;
        return ClusterLayout.consecutive(
                clusterId, brokers == null ? ClusterLayout.DEFAULT_BROKERS : brokers, base, controllerBase, t, parts);
    }
}
