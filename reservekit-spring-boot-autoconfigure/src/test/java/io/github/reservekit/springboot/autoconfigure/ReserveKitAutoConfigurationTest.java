package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.springboot.autoconfigure.web.ReserveKitWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** The conditions that keep ReserveKit out entirely; those that need a broker are in ReserveKitAutoConfigurationIT. */
class ReserveKitAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ReserveKitAutoConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9");

    @Test
    void both_auto_configurations_are_registered_the_spring_boot_way() {
        var candidates = ImportCandidates.load(
                        AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();

        assertThat(candidates)
                .contains(ReserveKitAutoConfiguration.class.getName(), ReserveKitWebAutoConfiguration.class.getName());
    }

    @Test
    void switched_off_it_configures_nothing_and_touches_no_kafka() {
        runner.withPropertyValues("reservekit.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(ReserveKitKafka.class)
                        .doesNotHaveBean("reservationApplication"));
    }

    @Test
    void without_the_kafka_adapter_on_the_class_path_it_configures_nothing() {
        runner.withClassLoader(new FilteredClassLoader(ReserveKitKafka.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("reserveKitKafka"));
    }

    @Test
    void without_spring_kafka_it_configures_nothing() {
        runner.withClassLoader(new FilteredClassLoader(DefaultKafkaProducerFactory.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("reserveKitKafka"));
    }

    @Test
    void a_producer_setting_that_weakens_durability_stops_start_up_naming_it() {
        runner.withPropertyValues("spring.kafka.producer.acks=1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("acks"));
    }

    @Test
    void producer_settings_that_break_key_order_stop_start_up_naming_them() {
        runner.withPropertyValues("spring.kafka.producer.properties.partitioner.ignore.keys=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("partitioner.ignore.keys"));
        runner.withPropertyValues("spring.kafka.producer.properties.partitioner.class="
                        + "org.apache.kafka.clients.producer.RoundRobinPartitioner")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("partitioner.class"));
    }
}
