package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.kafka.read.ConsumerSettings;
import io.github.reservekit.kafka.read.FollowerState;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import org.junit.jupiter.api.Test;

/** The follower's consumer configuration and the system-of-record settings, without a broker. */
class KafkaReservationFollowerTest {

    @Test
    void the_follower_reads_every_partition_without_a_group_and_commits_nothing() {
        var settings = AdapterSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("group.id", "someone-elses-group")
                .property("enable.auto.commit", true)
                .build();

        assertThat(ConsumerSettings.consumerProperties(settings.kafkaProperties()))
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
        var settings = AdapterSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("security.protocol", "SASL_SSL")
                .property("sasl.mechanism", "PLAIN")
                .property("client.id", "orders")
                .property("linger.ms", 20)
                .property("acks", "all")
                .build();

        assertThat(ConsumerSettings.consumerProperties(settings.kafkaProperties()))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("client.id", "orders-follower")
                .doesNotContainKeys("linger.ms", "acks");
    }

    @Test
    void a_retention_of_zero_or_below_minus_one_is_refused() {
        assertThatThrownBy(() -> AdapterSettings.builder()
                        .bootstrapServers("localhost:9092")
                        .retentionMs(0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservekit.retention");
        assertThatThrownBy(() -> AdapterSettings.builder()
                        .bootstrapServers("localhost:9092")
                        .retentionBytes(-2)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservekit.retention-bytes");
    }

    @Test
    void a_follower_that_never_started_closes_and_cannot_start_afterwards() {
        var follower = AdapterSettings.of("localhost:1")
                .createFollower(ReservationApplication.builder()
                        .publisher(event -> {
                            throw new AssertionError("nothing is published");
                        })
                        .build());

        follower.close();

        assertThat(follower.state()).isEqualTo(FollowerState.CLOSED);
        assertThat(follower.isCaughtUp()).isFalse();
        assertThatThrownBy(follower::start).isInstanceOf(IllegalStateException.class);
    }
}
