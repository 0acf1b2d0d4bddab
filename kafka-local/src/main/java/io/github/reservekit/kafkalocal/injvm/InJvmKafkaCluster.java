package io.github.reservekit.kafkalocal.injvm;

import io.github.reservekit.kafkalocal.node.BrokerSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka cluster (KRaft) running inside this JVM, built on Kafka's own {@code KafkaClusterTestKit}:
 * the broker code the project runs in production, no Docker, no separate process.
 *
 * <p>Two shapes: {@link #single()}, one combined broker+controller node (about a second to start warm), and
 * {@link #threeBrokers()}, three broker nodes and ONE dedicated controller: internal topics at replication
 * factor 3 and {@code min.insync.replicas=2}, for replication and failover tests. (Three combined controllers
 * hit a raft fault in Kafka 4.2 and 4.3 and then take minutes to shut down, hence the dedicated controller.)
 *
 * <p>Start it once per test class or suite, never per test. Not thread-safe for concurrent stop/start calls;
 * {@link #bootstrapServers()} may be called from any thread. {@link #close()} stops every node and deletes the
 * data directories.
 */
public final class InJvmKafkaCluster implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit kit;
    private final int brokerCount;
    private final Set<Integer> stopped = new TreeSet<>();
    private final String bootstrapServers;

    private InJvmKafkaCluster(KafkaClusterTestKit kit, int brokerCount) {
        this.kit = kit;
        this.brokerCount = brokerCount;
        this.bootstrapServers = kit.bootstrapServers();
    }

    /** Starts one combined broker+controller node and waits until it accepts clients. */
    public static InJvmKafkaCluster single() {
        return start(1, Map.of());
    }

    /** Starts three brokers and one dedicated controller and waits until all brokers accept clients. */
    public static InJvmKafkaCluster threeBrokers() {
        return start(3, Map.of());
    }

    /**
     * Starts {@code brokers} brokers (1 means a combined node; more means that many brokers plus one dedicated
     * controller) with the given extra broker properties on top of the test defaults.
     *
     * @throws IllegalArgumentException if {@code brokers} is not 1 to 5
     * @throws IllegalStateException if the cluster does not start
     */
    public static InJvmKafkaCluster start(int brokers, Map<String, String> extraProperties) {
        if (brokers < 1 || brokers > 5) {
            throw new IllegalArgumentException("brokers must be 1 to 5, was " + brokers);
        }
        Objects.requireNonNull(extraProperties, "extraProperties");
        int replication = Math.min(3, brokers);
        var nodes = new TestKitNodes.Builder()
                .setCombined(brokers == 1)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .build();
        var properties = new LinkedHashMap<String, Object>();
        properties.putAll(BrokerSettings.topics(replication, Math.min(2, replication)));
        properties.put("offsets.topic.num.partitions", "5");
        // A stopped broker is fenced after 3 s instead of 9 s, so failover tests stall less.
        properties.putAll(BrokerSettings.fastFailover());
        // Two cores are shared with other builds: few threads per node.
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("log.cleaner.enable", "false");
        properties.putAll(extraProperties);
        KafkaClusterTestKit kit = null;
        try {
            var builder = new KafkaClusterTestKit.Builder(nodes);
            properties.forEach(builder::setConfigProp);
            kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new InJvmKafkaCluster(kit, brokers);
        } catch (Exception failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(kit);
            throw new IllegalStateException("the in-JVM Kafka cluster did not start: " + failure, failure);
        }
    }

    /** The brokers' client listeners, e.g. {@code localhost:41234,localhost:41235}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How many brokers the cluster was started with (stopped ones included). */
    public int brokerCount() {
        return brokerCount;
    }

    /** The ids of the brokers, running or not. */
    public Set<Integer> brokerIds() {
        return new TreeSet<>(kit.brokers().keySet());
    }

    /** The ids of the brokers stopped by {@link #stopBroker}. */
    public Set<Integer> stoppedBrokerIds() {
        return Set.copyOf(stopped);
    }

    /** An admin client for this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) ADMIN_TIMEOUT.toMillis()));
    }

    /**
     * The id of the broker that leads the partition, as the cluster's metadata says now.
     *
     * @throws IllegalStateException if the topic or partition does not exist or has no leader
     */
    public int leaderOf(String topic, int partition) {
        try (var admin = admin()) {
            TopicDescription description = admin.describeTopics(Set.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            TopicPartitionInfo info = description.partitions().stream()
                    .filter(p -> p.partition() == partition)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no partition " + partition + " in " + topic));
            Node leader = info.leader();
            if (leader == null || leader.isEmpty()) {
                throw new IllegalStateException("partition " + topic + "-" + partition + " has no leader");
            }
            return leader.id();
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("could not describe " + topic + ": " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, interrupted);
        }
    }

    /**
     * Shuts one broker down (a controlled shutdown, as an operator's restart or a rolling upgrade does) and
     * waits until it is down.
     *
     * @throws IllegalArgumentException if there is no such broker
     */
    public void stopBroker(int brokerId) {
        var broker = kit.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + brokerId + "; brokers are " + brokerIds());
        }
        broker.shutdown();
        broker.awaitShutdown();
        stopped.add(brokerId);
    }

    /**
     * Starts a broker stopped by {@link #stopBroker} again, on the same data directory.
     *
     * @throws IllegalArgumentException if there is no such broker or it is not stopped
     */
    public void startBroker(int brokerId) {
        if (!stopped.contains(brokerId)) {
            throw new IllegalArgumentException("broker " + brokerId + " is not stopped");
        }
        kit.brokers().get(brokerId).startup();
        stopped.remove(brokerId);
    }

    /** Stops every node and deletes their data. */
    @Override
    public void close() {
        closeQuietly(kit);
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        if (kit == null) {
            return;
        }
        try {
            kit.close();
        } catch (Exception ignored) {
            if (ignored instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
