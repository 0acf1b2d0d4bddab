package io.github.reservekit.kafka.topic;

import io.github.reservekit.kafka.settings.ClientProperties;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions and checks the topic the publisher writes to ({@code reserve} by default).
 *
 * <p>{@link #ensureExists()} creates a missing topic with {@link ReserveKitSettings#partitions()} partitions,
 * replication factor {@code min(3, brokers)} and {@code min.insync.replicas} {@code min(2, replication factor)};
 * an existing topic is never changed, but a replication factor or {@code min.insync.replicas} weaker than that
 * is logged as a warning and reported in the {@link TopicHealth}. {@link #health()} only looks, for health
 * endpoints: UP means {@link TopicHealth#canPublish()}.
 *
 * <p><b>System of record and arbiter.</b> A new topic gets {@code message.timestamp.type=LogAppendTime} (the fold
 * decides late events by the broker's append time; a topic without it cannot guarantee the contract and is not
 * healthy) and {@code cleanup.policy=delete} with {@link ReserveKitSettings#retentionMs()} and
 * {@link ReserveKitSettings#retentionBytes()}, -1 by default: no event is ever deleted (never compaction: the key
 * is the resourceId). An existing topic that deletes events is reported in {@link TopicHealth#problems()}.
 *
 * <p>Every call takes at most the publish timeout. Thread-safe. {@link #close()} closes only an admin client it built.
 */
public final class ReserveTopic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveTopic.class);

    private final Admin admin;
    private final ReserveKitSettings settings;
    private final boolean ownsAdmin;

    private ReserveTopic(Admin admin, ReserveKitSettings settings, boolean ownsAdmin) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsAdmin = ownsAdmin;
    }

    /** With its own admin client, built from the settings' Kafka properties (bootstrap servers, security). */
    public static ReserveTopic create(ReserveKitSettings settings, Map<String, ?> kafkaProperties) {
        return new ReserveTopic(Admin.create(adminProperties(settings, kafkaProperties)), settings, true);
    }

    /** The admin client's configuration: the given admin properties, timeouts bounded by the publish timeout. */
    public static Map<String, Object> adminProperties(ReserveKitSettings settings, Map<String, ?> kafkaProperties) {
        var config = new HashMap<String, Object>();
        var adminKeys = AdminClientConfig.configNames();
        kafkaProperties.forEach((key, value) -> {
            if (adminKeys.contains(key) || ClientProperties.isPluginObject(value)) {
                config.put(key, value);
            }
        });
        int timeout = (int) settings.publishTimeout().toMillis();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "reservekit-topic");
        return config;
    }

    /** On an admin client the caller owns (e.g. a framework's). */
    public static ReserveTopic using(Admin admin, ReserveKitSettings settings) {
        return new ReserveTopic(admin, settings, false);
    }

    /**
     * Creates the topic if it is missing, then reports on it. Never changes an existing topic.
     *
     * @return the topic's health after creation; {@code reachable} is false if the cluster did not answer
     */
    public TopicHealth ensureExists() {
        boolean created = false;
        try {
            var wanted = Replication.forBrokers(brokerCount());
            short replication = wanted.factor();
            int minIsr = wanted.minInsyncReplicas();
            boolean exists = admin.listTopics()
                    .names()
                    .get(timeoutMillis(), TimeUnit.MILLISECONDS)
                    .contains(settings.topic());
            if (!exists) {
                var topic = new NewTopic(settings.topic(), settings.partitions(), replication)
                        .configs(Map.of(
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                String.valueOf(minIsr),
                                // Explicit, so a broker default of compact (log.cleanup.policy) cannot apply.
                                // The fold needs the broker's append time in every record (CONTRACT.md section 2).
                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                TopicHealth.LOG_APPEND_TIME,
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                String.valueOf(settings.retentionMs()),
                                TopicConfig.RETENTION_BYTES_CONFIG,
                                String.valueOf(settings.retentionBytes())));
                try {
                    admin.createTopics(List.of(topic)).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
                    created = true;
                    LOG.info(
                            "Created topic {} with {} partitions, replication factor {}, min.insync.replicas {},"
                                    + " retention.ms {}, retention.bytes {}",
                            settings.topic(),
                            settings.partitions(),
                            replication,
                            minIsr,
                            settings.retentionMs(),
                            settings.retentionBytes());
                } catch (ExecutionException raced) {
                    if (!(raced.getCause() instanceof TopicExistsException)) {
                        throw raced;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException failed) {
            return unreachable(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return unreachable(interrupted);
        }
        // A new topic reaches every broker's metadata a moment after the controller created it; until then a
        // broker may answer a describe with UnknownTopicOrPartition (seen as unreachable), so retry either way.
        long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
        TopicHealth health = health();
        while (created && !health.canPublish() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            health = health();
        }
        if (health.weakerThanConfigured()) {
            LOG.warn("Topic {} is weaker than configured: {}", settings.topic(), String.join("; ", health.problems()));
        } else if (health.deletesEvents()) {
            LOG.warn("Topic {} deletes events: {}", settings.topic(), String.join("; ", health.problems()));
        }
        return health;
    }

    /** Looks at the topic without changing anything; for health checks. Never throws for Kafka failures. */
    public TopicHealth health() {
        String name = settings.topic();
        try {
            int brokers = brokerCount();
            var wanted = Replication.forBrokers(brokers);
            int wantedReplication = wanted.factor();
            int wantedMinIsr = wanted.minInsyncReplicas();
            TopicDescription description;
            try {
                description = admin.describeTopics(Set.of(name))
                        .allTopicNames()
                        .get(timeoutMillis(), TimeUnit.MILLISECONDS)
                        .get(name);
            } catch (ExecutionException missing) {
                if (missing.getCause() instanceof UnknownTopicOrPartitionException) {
                    return TopicHealth.missing(name, wanted);
                }
                throw missing;
            }
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config = admin.describeConfigs(Set.of(resource))
                    .all()
                    .get(timeoutMillis(), TimeUnit.MILLISECONDS)
                    .get(resource);
            var configs = TopicConfigs.of(config);
            int minIsr = configs.minIsr();
            List<TopicPartitionInfo> partitions = description.partitions();
            int replication =
                    partitions.stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            int unable = (int) partitions.stream()
                    .filter(p -> p.leader() == null
                            || p.leader().isEmpty()
                            || p.isr().size() < minIsr)
                    .count();
            var problems = new ArrayList<String>();
            if (replication < wantedReplication) {
                problems.add("replication factor " + replication + " < " + wantedReplication + " wanted on " + brokers
                        + " brokers");
            }
            if (minIsr < wantedMinIsr) {
                problems.add("min.insync.replicas " + minIsr + " < " + wantedMinIsr
                        + " wanted: an acknowledged event may live on fewer copies");
            }
            if (unable > 0) {
                problems.add(unable + " of " + partitions.size()
                        + " partitions have no leader or fewer than min.insync.replicas in-sync replicas");
            }
            configs.addProblems(problems, name);
            return new TopicHealth(
                    name,
                    true,
                    true,
                    partitions.size(),
                    replication,
                    minIsr,
                    wantedReplication,
                    wantedMinIsr,
                    unable,
                    configs.retentionMs(),
                    configs.retentionBytes(),
                    configs.cleanupPolicy(),
                    configs.timestampType(),
                    problems,
                    0);
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            return unreachable(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return unreachable(interrupted);
        }
    }

    /** The end offset ({@code read_committed}) of every partition; for catching up before a read. */
    public Map<TopicPartition, Long> endOffsets() {
        return TopicOffsets.endOffsets(admin, settings.topic(), timeoutMillis());
    }

    /** Closes the admin client if this object built it. */
    @Override
    public void close() {
        if (ownsAdmin) {
            admin.close(settings.publishTimeout());
        }
    }

    private int brokerCount() throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeCluster()
                .nodes()
                .get(timeoutMillis(), TimeUnit.MILLISECONDS)
                .size();
    }

    private long timeoutMillis() {
        return settings.publishTimeout().toMillis();
    }

    private TopicHealth unreachable(Exception failure) {
        Throwable cause =
                failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        return TopicHealth.unreachable(settings.topic(), cause);
    }
}
