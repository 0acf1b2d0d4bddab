package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A setting that would weaken the delivery guarantee stops start-up with a message naming it. */
class DurabilityGuardTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "kafka.producers.default.acks, 1, acks=1",
        "kafka.acks, 0, acks=0",
        "kafka.producers.default.enable.idempotence, false, enable.idempotence=false",
        "kafka.producers.default.retries, 0, retries=0"
    })
    void a_weakening_producer_setting_refuses_to_start(String key, String value, String named) {
        // Port 9 (discard) on loopback: nothing there, and the refusal comes before any connection matters.
        var properties = Map.<String, Object>of("kafka.bootstrap.servers", "127.0.0.1:9", key, value);

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would break the delivery guarantee")
                .hasMessageContaining(named);
    }
}
