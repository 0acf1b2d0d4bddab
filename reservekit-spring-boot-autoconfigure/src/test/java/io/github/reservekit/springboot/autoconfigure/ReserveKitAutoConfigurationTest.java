package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.springboot.autoconfigure.web.ReserveKitWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
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
    void a_reservekit_producer_setting_that_weakens_durability_stops_start_up_naming_its_key() {
        runner.withPropertyValues("reservekit.kafka.producer.acks=1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("acks=1"));
        runner.withPropertyValues("reservekit.kafka.producer.acks=1")
                .run(context ->
                        assertThat(context).getFailure().hasMessageContaining("reservekit.kafka.producer.acks"));
    }

    @Test
    void producer_settings_that_break_key_order_stop_start_up_naming_them() {
        runner.withPropertyValues("reservekit.kafka.producer.partitioner.ignore.keys=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasMessageContaining("reservekit.kafka.producer.partitioner.ignore.keys"));
        runner.withPropertyValues("reservekit.kafka.producer.partitioner.class="
                        + "org.apache.kafka.clients.producer.RoundRobinPartitioner")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasMessageContaining("reservekit.kafka.producer.partitioner.class"));
    }

    @Test
    void the_apps_own_producer_settings_never_reach_reservekits_producer() {
        runner.withPropertyValues(
                        "spring.kafka.producer.acks=1",
                        "spring.kafka.producer.properties.delivery.timeout.ms=120000",
                        "spring.kafka.producer.properties.partitioner.ignore.keys=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ReserveKitKafka.class);
                    var config = ReserveKitClientSettings.bind(context.getEnvironment())
                            .producer(
                                    context.getBean(KafkaProperties.class),
                                    context.getBean(KafkaConnectionDetails.class)
                                            .getProducer());
                    assertThat(config)
                            .containsEntry("bootstrap.servers", "127.0.0.1:9")
                            .doesNotContainKeys("acks", "delivery.timeout.ms", "partitioner.ignore.keys");
                });
    }

    @Test
    void reservekits_own_tuning_reaches_its_clients_over_the_connection() {
        // Boot's Kafka alone: a SASL client without credentials could not be built.
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withPropertyValues(
                        "spring.kafka.bootstrap-servers=127.0.0.1:9",
                        "spring.kafka.properties.sasl.mechanism=PLAIN",
                        "spring.kafka.properties.linger.ms=500",
                        "spring.kafka.security.protocol=SASL_PLAINTEXT",
                        "reservekit.kafka.producer.linger.ms=20",
                        "reservekit.kafka.consumer.max.poll.records=10",
                        "reservekit.kafka.admin.client.id=mine")
                .run(context -> {
                    var own = ReserveKitClientSettings.bind(context.getEnvironment());
                    var kafka = context.getBean(KafkaProperties.class);
                    var connection = context.getBean(KafkaConnectionDetails.class);
                    assertThat(own.producer(kafka, connection.getProducer()))
                            .containsEntry("linger.ms", "20")
                            .containsEntry("sasl.mechanism", "PLAIN")
                            .containsEntry("security.protocol", "SASL_PLAINTEXT");
                    assertThat(own.consumer(kafka, connection.getConsumer()))
                            .containsEntry("max.poll.records", "10")
                            .doesNotContainKey("linger.ms");
                    assertThat(own.admin(kafka, connection.getAdmin())).containsEntry("client.id", "mine");
                });
    }
}
