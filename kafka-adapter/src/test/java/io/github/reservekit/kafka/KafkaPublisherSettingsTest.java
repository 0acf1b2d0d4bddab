package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaPublisherSettingsTest {

    @Test
    void the_defaults_are_durable_and_bounded() {
        var producer = KafkaPublisherSettings.of("localhost:9092").producerProperties();

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
        var settings = KafkaPublisherSettings.builder()
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
        var settings = KafkaPublisherSettings.builder()
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
        var builder = KafkaPublisherSettings.builder()
                .bootstrapServers("localhost:9092")
                .property(key, value);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining(named);
    }

    @Test
    void bootstrap_servers_are_required() {
        assertThatThrownBy(() -> KafkaPublisherSettings.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void flat_properties_split_into_the_adapters_own_and_kafkas() {
        var settings = KafkaPublisherSettings.from(Map.of(
                "bootstrap.servers", "broker:9092",
                "reservekit.topic", "reserve-test",
                "reservekit.source", "/spring-app",
                "reservekit.publish-timeout-ms", "3000",
                "reservekit.partitions", "6",
                "compression.type", "lz4"));

        assertThat(settings.topic()).isEqualTo("reserve-test");
        assertThat(settings.source()).isEqualTo(URI.create("/spring-app"));
        assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.kafkaProperties()).containsOnlyKeys("bootstrap.servers", "compression.type");
    }

    @Test
    void an_unknown_adapter_key_is_refused() {
        assertThatThrownBy(() ->
                        KafkaPublisherSettings.from(Map.of("bootstrap.servers", "b:9092", "reservekit.topik", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservekit.topik");
    }

    @Test
    void a_framework_producer_configuration_is_checked_with_kafkas_defaults_in_mind() {
        KafkaPublisherSettings.requireDurable(Map.of("bootstrap.servers", "b:9092"));

        assertThatThrownBy(() -> KafkaPublisherSettings.requireDurable(Map.of("acks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks=1");
    }

    @Test
    void secrets_never_show_in_the_string_form() {
        var settings = KafkaPublisherSettings.builder()
                .bootstrapServers("localhost:9092")
                .property("sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p4ss\";")
                .property("ssl.truststore.password", "tru5t")
                .build();

        assertThat(settings.toString())
                .doesNotContain("p4ss")
                .doesNotContain("tru5t")
                .contains("sasl.jaas.config=[hidden]")
                .contains("localhost:9092");
    }
}
