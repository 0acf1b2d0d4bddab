package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topic as a system of record, on a real broker: created to keep every event, and checked when it exists. */
@SharedKafka
class ReserveTopicRetentionIT {

    private static final String PREFIX = "reserve-retention-it-" + System.nanoTime() + "-";

    private static TestKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void connect(TestKafka backend) {
        kafka = backend;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void a_created_topic_keeps_every_event_forever_and_is_never_compacted() throws Exception {
        var settings = settings(PREFIX + "forever").build();

        var health = ensureExists(settings);

        assertThat(topicConfig(settings.topic()))
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        assertThat(health.retentionMs()).isEqualTo(-1);
        assertThat(health.retentionBytes()).isEqualTo(-1);
        assertThat(health.cleanupPolicy()).isEqualTo("delete");
        assertThat(health.deletesEvents()).isFalse();
        assertThat(health.problems()).isEmpty();
    }

    @Test
    void a_configured_retention_is_applied_at_creation_and_reported_as_deleting_events() throws Exception {
        var settings = settings(PREFIX + "a-week")
                .retentionMs(Duration.ofDays(7).toMillis())
                .build();

        var health = ensureExists(settings);

        assertThat(topicConfig(settings.topic()))
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000")
                .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        assertThat(health.deletesEvents()).isTrue();
        assertThat(health.canPublish()).isTrue();
        assertThat(health.problems()).singleElement().asString().contains("retention.ms 604800000");
    }

    @Test
    void an_existing_topic_that_compacts_or_limits_its_size_is_reported_and_left_unchanged() throws Exception {
        String name = PREFIX + "compacted";
        var topic = new NewTopic(name, 1, (short) 1)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        "compact",
                        TopicConfig.RETENTION_BYTES_CONFIG,
                        "1073741824"));
        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);

        var health = ensureExists(settings(name).build());

        assertThat(topicConfig(name))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "1073741824");
        assertThat(health.deletesEvents()).isTrue();
        assertThat(health.problems())
                .anySatisfy(problem -> assertThat(problem).contains("cleanup.policy compact"))
                .anySatisfy(problem -> assertThat(problem).contains("retention.bytes 1073741824"));
        // Created without LogAppendTime, it cannot guarantee the contract: not healthy, and the fix is named.
        assertThat(health.canPublish()).isFalse();
        assertThat(health.problems())
                .anySatisfy(problem -> assertThat(problem)
                        .contains("message.timestamp.type CreateTime")
                        .contains("--add-config message.timestamp.type=LogAppendTime"));
    }

    @Test
    void a_topic_the_adapter_creates_stamps_records_with_the_brokers_append_time() throws Exception {
        String name = PREFIX + "append-time";

        var health = ensureExists(settings(name).build());

        assertThat(topicConfig(name)).containsEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        assertThat(health.timestampType()).isEqualTo("LogAppendTime");
        assertThat(health.canPublish()).isTrue();
    }

    private static AdapterSettings.Builder settings(String topic) {
        return AdapterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(topic)
                .partitions(1)
                .publishTimeout(Duration.ofSeconds(10));
    }

    private static TopicHealth ensureExists(AdapterSettings settings) {
        try (var topic = settings.createTopic()) {
            return topic.ensureExists();
        }
    }

    private static Map<String, String> topicConfig(String topic) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        var config = admin.describeConfigs(Set.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
        var values = new java.util.HashMap<String, String>();
        config.entries().forEach(entry -> values.put(entry.name(), entry.value()));
        return values;
    }
}
