package io.github.reservekit.kafkalocal.process;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.AppInfoParser;

/** What {@code bin/kafka-local} prints about a cluster: the summary once it is ready, and its status. */
final class ClusterReport {

    private final PrintStream out;
    private final String command;

    ClusterReport(PrintStream out, String command) {
        this.out = out;
        this.command = command;
    }

    void ready(KafkaProcessCluster cluster, Duration took) {
        out.printf(
                Locale.ROOT,
                "%nKafka %s is ready in %.1f s: %d broker(s), KRaft (each node broker and controller)%n",
                AppInfoParser.getVersion(),
                took.toMillis() / 1000.0,
                cluster.nodeIds().size());
        out.println("  bootstrap servers  " + cluster.bootstrapServers());
        out.println("  topic              " + cluster.topic() + " (" + cluster.partitions()
                + " partitions, replication factor " + cluster.replicationFactor() + ", min.insync.replicas "
                + cluster.minInsyncReplicas() + ")");
        out.println("  data directory     " + cluster.dataDir() + " (kept across restarts; '" + command
                + " reset' deletes it)");
        out.println(
                "  broker logs        " + cluster.dataDir().resolve("node-N").resolve("logs"));
        out.println("Try: bin/kafka-topics --bootstrap-server localhost:" + cluster.brokerPort(1)
                + " --describe --topic " + cluster.topic());
    }

    /** Prints each broker and, when any runs, the topic's partitions; returns whether every broker runs. */
    boolean status(KafkaProcessCluster cluster) {
        List<KafkaProcessCluster.BrokerStatus> brokers = cluster.status();
        out.println("Cluster in " + cluster.dataDir() + ", bootstrap servers " + cluster.bootstrapServers());
        for (KafkaProcessCluster.BrokerStatus s : brokers) {
            out.printf(
                    Locale.ROOT,
                    "  broker %d  localhost:%d  %s%n",
                    s.nodeId(),
                    s.port(),
                    s.running() ? "running (pid " + s.pid() + ")" : "stopped");
        }
        if (brokers.stream().anyMatch(KafkaProcessCluster.BrokerStatus::running)) {
            partitions(cluster);
        }
        return brokers.stream().allMatch(KafkaProcessCluster.BrokerStatus::running);
    }

    private void partitions(KafkaProcessCluster cluster) {
        Optional<TopicDescription> topic = cluster.describeTopic();
        if (topic.isEmpty()) {
            out.println("  topic " + cluster.topic() + ": not found or cluster not reachable");
            return;
        }
        for (TopicPartitionInfo p : topic.get().partitions()) {
            out.printf(
                    Locale.ROOT,
                    "  %s-%d  leader %s  replicas %s  isr %s%n",
                    cluster.topic(),
                    p.partition(),
                    p.leader() == null || p.leader().isEmpty()
                            ? "none"
                            : p.leader().idString(),
                    ids(p.replicas()),
                    ids(p.isr()));
        }
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(Node::idString).collect(Collectors.joining(",", "[", "]"));
    }
}
