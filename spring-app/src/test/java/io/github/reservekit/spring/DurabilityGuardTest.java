package io.github.reservekit.spring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class DurabilityGuardTest {

    @Test
    void a_reservekit_kafka_setting_that_weakens_durability_stops_start_up_naming_its_key() {
        assertThatThrownBy(() -> SpringApplication.run(
                                ReserveKitSpringApplication.class,
                                "--spring.main.web-application-type=none",
                                "--spring.kafka.bootstrap-servers=localhost:1",
                                "--reservekit.kafka.producer.acks=1")
                        .close())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("reservekit.kafka.producer.acks")
                .hasStackTraceContaining("acks=1");
    }
}
