package io.github.reservekit.kafkalocal.node;

import java.util.LinkedHashMap;
import java.util.Map;

/** Broker settings the local Kafkas share, each group under the name of what it is for. */
public final class BrokerSettings {

    private BrokerSettings() {}

    /**
     * Internal and new topics replicated {@code replicationFactor} times with {@code minInsyncReplicas} in sync; no
     * topic created by a client's request (as on a real cluster, the apps create theirs with the settings they
     * need); no wait before a consumer group's first rebalance.
     */
    public static Map<String, String> topics(int replicationFactor, int minInsyncReplicas) {
        String rf = Integer.toString(replicationFactor);
        String minIsr = Integer.toString(minInsyncReplicas);
        return inOrder(
                "default.replication.factor", rf,
                "min.insync.replicas", minIsr,
                "offsets.topic.replication.factor", rf,
                "transaction.state.log.replication.factor", rf,
                "transaction.state.log.min.isr", minIsr,
                "share.coordinator.state.topic.replication.factor", rf,
                "share.coordinator.state.topic.min.isr", minIsr,
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false");
    }

    /** A crashed or stopped broker is fenced (and leaves the ISR) after 3 s instead of 9 s. */
    public static Map<String, String> fastFailover() {
        return inOrder("broker.session.timeout.ms", "3000", "broker.heartbeat.interval.ms", "500");
    }

    /**
     * Few threads for a machine of few cores shared with other work: 2 network threads, {@code ioThreads} I/O
     * threads, 1 recovery thread, and a log cleaner buffer of {@code cleanerBufferMiB}.
     */
    public static Map<String, String> smallMachine(int ioThreads, int cleanerBufferMiB) {
        return inOrder(
                "num.network.threads",
                "2",
                "num.io.threads",
                Integer.toString(ioThreads),
                "num.recovery.threads.per.data.dir",
                "1",
                "log.cleaner.dedupe.buffer.size",
                Integer.toString(cleanerBufferMiB * 1024 * 1024));
    }

    private static Map<String, String> inOrder(String... keysAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }
}
