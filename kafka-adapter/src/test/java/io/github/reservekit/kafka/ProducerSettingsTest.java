package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.write.ProducerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerSettingsTest {

    @Test
    void the_defaults_are_durable_and_bounded() {
        var producer = AdapterSettings.of("localhost:9092").producerProperties();

        assertThat(producer)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("max.block.ms", 5000L)
                .containsEntry("delivery.timeout.ms", 4500)
                .containsEntry("request.timeout.ms", 2500)
                .containsEntry("linger.ms", 5)
                .containsEntry("batch.size", 65536)
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void the_publish_timeout_bounds_blocking_and_delivery() {
        var settings = AdapterSettings.builder()
                .bootstrapServers("localhost:9092")
                .publishTimeout(Duration.ofSeconds(3))
                .build();

        assertThat(settings.producerProperties())
                .containsEntry("max.block.ms", 3000L)
                .containsEntry("delivery.timeout.ms", 2700)
                .containsEntry("request.timeout.ms", 1500);
    }

    @Test
    void settings_the_user_passes_win_over_the_defaults() {
        var settings = AdapterSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("linger.ms", 20)
                .property("security.protocol", "SSL")
                .property("acks", "-1")
                .build();

        assertThat(settings.producerProperties())
                .containsEntry("linger.ms", 20)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("acks", "-1");
    }

    @ParameterizedTest
    @CsvSource({
        "acks, 1, acks=1",
        "acks, 0, acks=0",
        "enable.idempotence, false, enable.idempotence=false",
        "retries, 0, retries=0",
        "max.in.flight.requests.per.connection, 6, max.in.flight.requests.per.connection=6",
        "transactional.id, tx-1, transactional.id",
        "delivery.timeout.ms, 120000, delivery.timeout.ms=120000",
        "max.block.ms, 60000, max.block.ms=60000",
        "value.serializer, org.apache.kafka.common.serialization.StringSerializer, value.serializer"
    })
    void a_configuration_that_breaks_the_guarantee_is_refused_at_start(String key, String value, String named) {
        var builder =
                AdapterSettings.builder().bootstrapServers("localhost:9092").property(key, value);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining(named);
    }

    @Test
    void bootstrap_servers_are_required() {
        assertThatThrownBy(() -> AdapterSettings.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void reservekit_settings_bind_from_any_property_lookup_with_one_set_of_defaults() {
        var properties = Map.of(
                "reservekit.topic", "reserve-test",
                "reservekit.source", "/spring-app",
                "reservekit.publish-timeout", "3s",
                "reservekit.partitions", "6",
                "reservekit.retention", "7d",
                "reservekit.retention-bytes", "1073741824",
                "reservekit.owner-only", "true");

        var settings = ReserveKitSettings.bind(properties::get, URI.create("/default"));
        var defaults = ReserveKitSettings.bind(key -> null, URI.create("/default"));

        assertThat(settings.topic()).isEqualTo("reserve-test");
        assertThat(settings.source()).isEqualTo(URI.create("/spring-app"));
        assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.retentionMs()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(settings.retentionBytes()).isEqualTo(1_073_741_824L);
        assertThat(settings.ownerOnly()).isTrue();
        assertThat(defaults.ownerOnly()).isFalse();
        assertThat(defaults).isEqualTo(ReserveKitSettings.defaults(URI.create("/default")));
        assertThat(defaults.retentionMs()).isEqualTo(-1);
        assertThat(defaults.retentionBytes()).isEqualTo(-1);
        assertThat(defaults.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void an_unreadable_reservekit_value_is_refused_naming_its_key() {
        assertThatThrownBy(() ->
                        ReserveKitSettings.bind(Map.of("reservekit.publish-timeout", "soon")::get, URI.create("/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservekit.publish-timeout");
        assertThatThrownBy(() -> ReserveKitSettings.bind(Map.of("reservekit.owner-only", "yes")::get, URI.create("/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservekit.owner-only");
    }

    @Test
    void a_framework_producer_configuration_is_checked_with_kafkas_defaults_in_mind() {
        ProducerSettings.requireDurable(Map.of("bootstrap.servers", "b:9092"));

        assertThatThrownBy(() -> ProducerSettings.requireDurable(Map.of("acks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks=1");
    }

    @Test
    void secrets_never_show_in_the_string_form() {
        var settings = AdapterSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p4ss\";")
                .property("ssl.truststore.password", "tru5t")
                .build();

        assertThat(settings.producerSettings().toString())
                .doesNotContain("p4ss")
                .doesNotContain("tru5t")
                .contains("sasl.jaas.config=[hidden]")
                .contains("localhost:9092");
    }
}
