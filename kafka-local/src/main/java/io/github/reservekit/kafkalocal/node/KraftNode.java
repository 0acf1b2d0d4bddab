package io.github.reservekit.kafkalocal.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One local KRaft node that is both broker and controller, in plaintext on 127.0.0.1, whether it runs in this JVM
 * or as a process.
 *
 * @param nodeId the node's id in the quorum
 * @param port its client port
 * @param controllerPort its controller port
 * @param quorumVoters the static voter set, e.g. {@code 1@127.0.0.1:10092,2@127.0.0.1:10093}
 * @param logDir where it keeps its data
 */
public record KraftNode(int nodeId, int port, int controllerPort, String quorumVoters, Path logDir) {

    /** Both listeners, on 127.0.0.1. */
    public String listeners() {
        return "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
    }

    /**
     * What makes it this node, on top of {@link BrokerSettings#topics}: its roles, id, quorum, listeners and log
     * directory. The caller adds its own tuning to the map.
     */
    public Map<String, String> settings(String advertisedListeners, int replicationFactor, int minInsyncReplicas) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(nodeId));
        c.put("controller.quorum.voters", quorumVoters);
        c.put("listeners", listeners());
        c.put("advertised.listeners", advertisedListeners);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("controller.listener.names", "CONTROLLER");
        c.put("log.dirs", logDir.toAbsolutePath().toString());
        c.putAll(BrokerSettings.topics(replicationFactor, minInsyncReplicas));
        return c;
    }
}
