package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The follower's consumer configuration and the system-of-record settings, without a broker. */
class KafkaReservationFollowerTest {

    @Test
    void the_follower_reads_every_partition_without_a_group_and_commits_nothing() {
        var settings = KafkaPublisherSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("group.id", "someone-elses-group")
                .property("enable.auto.commit", true)
                .build();

        assertThat(KafkaReservationFollower.consumerProperties(settings))
                .doesNotContainKey("group.id")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("client.id", "reservekit-follower")
                .containsEntry("max.poll.records", 5000)
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void the_users_connection_settings_are_kept_and_producer_settings_left_out() {
        var settings = KafkaPublisherSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("security.protocol", "SASL_SSL")
                .property("sasl.mechanism", "PLAIN")
                .property("client.id", "orders")
                .property("linger.ms", 20)
                .property("acks", "all")
                .build();

        assertThat(KafkaReservationFollower.consumerProperties(settings))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("client.id", "orders-follower")
                .doesNotContainKeys("linger.ms", "acks");
    }

    @Test
    void a_topic_the_adapter_creates_keeps_every_event_unless_configured_otherwise() {
        var defaults = KafkaPublisherSettings.of("localhost:9092");
        var configured = KafkaPublisherSettings.from(Map.of(
                "bootstrap.servers", "localhost:9092",
                "reservekit.retention-ms", "604800000",
                "reservekit.retention-bytes", "1073741824"));

        assertThat(defaults.retentionMs()).isEqualTo(-1);
        assertThat(defaults.retentionBytes()).isEqualTo(-1);
        assertThat(configured.retentionMs()).isEqualTo(604_800_000L);
        assertThat(configured.retentionBytes()).isEqualTo(1_073_741_824L);
        assertThat(configured.withTopic("other").retentionMs()).isEqualTo(604_800_000L);
    }

    @Test
    void a_retention_of_zero_or_below_minus_one_is_refused() {
        assertThatThrownBy(() -> KafkaPublisherSettings.builder()
                        .bootstrapServers("localhost:9092")
                        .retentionMs(0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retentionMs");
        assertThatThrownBy(() -> KafkaPublisherSettings.builder()
                        .bootstrapServers("localhost:9092")
                        .retentionBytes(-2)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retentionBytes");
    }

    @Test
    void a_follower_that_never_started_closes_and_cannot_start_afterwards() {
        var follower = KafkaReservationFollower.create(KafkaPublisherSettings.of("localhost:1"), command -> {
            throw new AssertionError("nothing is read");
        });

        follower.close();

        assertThat(follower.state()).isEqualTo(KafkaReservationFollower.State.CLOSED);
        assertThat(follower.isCaughtUp()).isFalse();
        assertThatThrownBy(follower::start).isInstanceOf(IllegalStateException.class);
    }
}
