package io.github.reservekit.spring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class DurabilityGuardTest {

    @Test
    void a_spring_kafka_setting_that_weakens_durability_stops_start_up_with_a_clear_message() {
        assertThatThrownBy(() -> SpringApplication.run(
                                ReserveKitSpringApplication.class,
                                "--spring.main.web-application-type=none",
                                "--spring.kafka.bootstrap-servers=localhost:1",
                                "--spring.kafka.producer.acks=1")
                        .close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks");
    }
}
