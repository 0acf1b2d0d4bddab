package io.github.reservekit.kafkalocal.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What the cluster is asked through Kafka's admin client: whether brokers are registered, whether every replica
 * is in sync, the topic's description, and the topic's creation. The waits poll until a deadline, fail at once
 * when a broker launched for them dies, and name the broker logs when the deadline passes.
 *
 * @param layout the cluster's ports and topic
 * @param directory where the broker logs are, for messages
 * @param processes the brokers this JVM launched, whose death ends a wait at once
 * @param readyTimeout how long a start may take
 * @param progress receives a line when the topic is created
 */
record ClusterAdmin(
        ClusterLayout layout,
        ClusterDirectory directory,
        BrokerProcesses processes,
        Duration readyTimeout,
        Consumer<String> progress) {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    /** When a wait for readiness that starts now gives up. */
    Instant readyDeadline() {
        return Instant.now().plus(readyTimeout);
    }

    /** Admin client settings with short timeouts, for status checks. */
    Properties config() {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.bootstrapServers());
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return p;
    }

    /** The topic's partitions as the controller sees them, or empty when the cluster cannot be reached. */
    Optional<TopicDescription> describeTopic() {
        try (Admin admin = Admin.create(config())) {
            return Optional.of(describe(admin));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits until every node of {@code nodeIds} is registered with the controller. */
    void awaitBrokers(Set<Integer> nodeIds, Instant deadline) {
        try (Admin admin = Admin.create(config())) {
            while (true) {
                processes.checkAlive(nodeIds);
                try {
                    Set<Integer> registered = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).stream()
                            .map(Node::id)
                            .collect(Collectors.toSet());
                    if (registered.containsAll(nodeIds)) {
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

    void createTopicIfAbsent(Instant deadline) {
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
        try (Admin admin = Admin.create(config())) {
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
    void awaitInIsr(Set<Integer> nodes, Instant deadline) {
        try (Admin admin = Admin.create(config())) {
            while (true) {
                processes.checkAlive(nodes);
                try {
                    if (describe(admin).partitions().stream().allMatch(p -> inSync(p, nodes))) {
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

    private TopicDescription describe(Admin admin) throws ExecutionException, TimeoutException, InterruptedException {
        return admin.describeTopics(List.of(layout.topic()))
                .allTopicNames()
                .get(5, TimeUnit.SECONDS)
                .get(layout.topic());
    }

    private static boolean inSync(TopicPartitionInfo p, Set<Integer> nodes) {
        Set<Integer> isr = p.isr().stream().map(Node::id).collect(Collectors.toSet());
        return p.leader() != null
                && !p.leader().isEmpty()
                && p.replicas().stream().map(Node::id).filter(nodes::contains).allMatch(isr::contains);
    }

    private void pause(Instant deadline, Supplier<String> what) {
        if (Instant.now().isAfter(deadline)) {
            String logs = layout.nodeIds().stream()
                    .map(id -> directory.logFile(id).toString())
                    .collect(Collectors.joining(", "));
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

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting for the Kafka cluster", e);
    }
}
