package io.github.reservekit.kafka.topic;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.util.List;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The configs of the topic that decide whether it can be the system of record, as {@code describeConfigs} returned
 * them, and what is wrong with them.
 */
record TopicConfigs(int minIsr, long retentionMs, long retentionBytes, String cleanupPolicy, String timestampType) {

    static TopicConfigs of(Config config) {
        ConfigEntry minIsrEntry = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        int minIsr = minIsrEntry == null || minIsrEntry.value() == null ? 1 : Integer.parseInt(minIsrEntry.value());
        ConfigEntry policyEntry = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String cleanupPolicy = policyEntry == null || policyEntry.value() == null ? "" : policyEntry.value();
        ConfigEntry timestampEntry = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
        String timestampType =
                timestampEntry == null || timestampEntry.value() == null ? "CreateTime" : timestampEntry.value();
        return new TopicConfigs(
                minIsr,
                longValue(config, TopicConfig.RETENTION_MS_CONFIG),
                longValue(config, TopicConfig.RETENTION_BYTES_CONFIG),
                cleanupPolicy,
                timestampType);
    }

    /** Adds what keeps the topic {@code name} from keeping every event, or from deciding alike on every reader. */
    void addProblems(List<String> problems, String name) {
        if (retentionMs != ReserveKitSettings.UNLIMITED_RETENTION) {
            problems.add("retention.ms " + retentionMs + ": events older than that are deleted and their"
                    + " reservations are missing after a restart (set retention.ms=-1 to keep them)");
        }
        if (retentionBytes != ReserveKitSettings.UNLIMITED_RETENTION) {
            problems.add("retention.bytes " + retentionBytes + ": the oldest events of a partition beyond that"
                    + " size are deleted and their reservations are missing after a restart (set"
                    + " retention.bytes=-1 to keep them)");
        }
        if (!TopicHealth.LOG_APPEND_TIME.equals(timestampType)) {
            problems.add("message.timestamp.type " + timestampType + ": the fold needs the broker's append time"
                    + " in every record to decide late events alike on every reader, so this topic cannot"
                    + " guarantee the contract; fix it with: kafka-configs --bootstrap-server <servers> --alter"
                    + " --entity-type topics --entity-name " + name
                    + " --add-config message.timestamp.type=LogAppendTime");
        }
        if (cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            problems.add("cleanup.policy " + cleanupPolicy + ": compaction keeps only the last event of each"
                    + " resource, losing its other reservations after a restart (use cleanup.policy=delete)");
        }
    }

    /** A topic config's value as a number; describeConfigs always returns it, so absent means unlimited. */
    private static long longValue(Config config, String name) {
        ConfigEntry entry = config.get(name);
        if (entry == null || entry.value() == null) {
            return ReserveKitSettings.UNLIMITED_RETENTION;
        }
        try {
            return Long.parseLong(entry.value().strip());
        } catch (NumberFormatException unreadable) {
            return ReserveKitSettings.UNLIMITED_RETENTION;
        }
    }
}
