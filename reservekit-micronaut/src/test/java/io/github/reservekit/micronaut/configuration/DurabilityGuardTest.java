package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A ReserveKit setting that would weaken the delivery guarantee stops start-up with a message naming its key; the
 * app's own producer settings never reach ReserveKit's producer.
 */
class DurabilityGuardTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "reservekit.kafka.producer.acks, 1, acks=1",
        "reservekit.kafka.producer.enable.idempotence, false, enable.idempotence=false",
        "reservekit.kafka.producer.retries, 0, retries=0"
    })
    void a_weakening_producer_setting_refuses_to_start(String key, String value, String named) {
        // Port 9 (discard) on loopback: nothing there, and the refusal comes before any connection matters.
        var properties = Map.<String, Object>of("kafka.bootstrap.servers", "127.0.0.1:9", key, value);

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would break the delivery guarantee")
                .hasMessageContaining(named);
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("ReserveKit's Kafka settings " + key + " refused");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "kafka.producers.default.acks, 1",
        "kafka.acks, 0",
        "kafka.producers.default.delivery.timeout.ms, 120000",
        "kafka.producers.default.partitioner.ignore.keys, true"
    })
    void the_apps_own_producer_settings_never_reach_reservekits_producer(String key, String value) {
        var properties = Map.<String, Object>of("kafka.bootstrap.servers", "127.0.0.1:9", key, value);

        try (var context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(ReserveKitKafka.class)).isNotNull();
        }
    }
}
