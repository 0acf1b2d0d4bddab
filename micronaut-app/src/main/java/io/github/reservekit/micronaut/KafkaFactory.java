package io.github.reservekit.micronaut;

import io.github.reservekit.kafka.KafkaPublisherSettings;
import io.github.reservekit.kafka.KafkaReservationPublisher;
import io.github.reservekit.kafka.ReserveTopic;
import io.github.reservekit.kafka.metrics.MeteredReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the shell (spring-app's {@code KafkaPublishingConfiguration}, Micronaut style). The adapter's
 * settings are built from micronaut-kafka's own producer configuration ({@code kafka.*} with
 * {@code kafka.producers.default.*} on top, so bootstrap servers, client id and security just work, and with
 * micronaut-micrometer's Kafka metrics reporter) plus {@code reservekit.*}; the adapter refuses, at start-up,
 * any setting that would weaken its delivery guarantee (e.g. {@code kafka.producers.default.acks=1}).
 */
@Requires(property = "kafka.enabled", notEquals = "false")
@Factory
class KafkaFactory {

    private static final Logger log = LoggerFactory.getLogger(KafkaFactory.class);

    /**
     * @throws IllegalArgumentException naming every setting that weakens the delivery guarantee, which stops
     *     the application context, and so the app, from starting
     */
    @Singleton
    KafkaPublisherSettings kafkaPublisherSettings(
            AbstractKafkaProducerConfiguration<?, ?> producer, ReserveKitProperties reserveKit) {
        var settings = KafkaPublisherSettings.builder();
        producer.getConfig().forEach((key, value) -> {
            String name = key.toString();
            // micronaut-kafka's own switches (kafka.health.*) are not Kafka client settings; the adapter sets its
            // own serializers (the wire format).
            if (!name.startsWith("health.")
                    && !name.equals(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
                    && !name.equals(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
                settings.property(name, value);
            }
        });
        return settings.topic(reserveKit.topic())
                .source(reserveKit.source())
                .publishTimeout(reserveKit.publishTimeout())
                .partitions(reserveKit.partitions())
                .build();
    }

    /** Eager, so a refused configuration stops start-up instead of failing the first reservation. */
    @Context
    @Bean(typed = KafkaReservationPublisher.class, preDestroy = "close")
    KafkaReservationPublisher kafkaReservationPublisher(KafkaPublisherSettings settings) {
        log.info(
                "Publishing to topic {} at {} (acks=all, idempotent, publish timeout {} ms)",
                settings.topic(),
                settings.bootstrapServers(),
                settings.publishTimeout().toMillis());
        return KafkaReservationPublisher.create(settings);
    }

    @Singleton
    ReservationPublisher reservationPublisher(KafkaReservationPublisher kafka, MeterRegistry meters) {
        return new MeteredReservationPublisher(kafka, meters);
    }

    /**
     * Creates {@code reserve} when missing (RF min(3, brokers), min ISR min(2, RF)) at start-up, on
     * micronaut-kafka's admin client; also the health probe.
     */
    @Context
    @Bean(preDestroy = "close")
    ReserveTopic reserveTopic(AdminClient admin, KafkaPublisherSettings settings) {
        var topic = ReserveTopic.using(admin, settings);
        var health = topic.ensureExists();
        if (!health.canPublish()) {
            log.warn("Topic {} cannot take events yet: {}", settings.topic(), health.problems());
        }
        return topic;
    }

    /** Poison pills on {@code reserve} are parked here; micronaut-kafka creates it at start-up when missing. */
    @Singleton
    NewTopic reserveDeadLetterTopic(ReserveKitProperties reserveKit) {
        return new NewTopic(reserveKit.topic() + ".DLT", Optional.of(1), Optional.empty());
    }
}
