package io.github.reservekit.spring;

import io.github.reservekit.kafka.KafkaPublisherSettings;
import io.github.reservekit.kafka.KafkaReservationPublisher;
import io.github.reservekit.kafka.ReserveTopic;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.HashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka side of the shell. The adapter's settings are built from Spring Boot's own {@code spring.kafka.*}
 * (so bootstrap servers, client id and security just work) plus {@code reservekit.*}; the adapter refuses, at
 * start-up, any setting that would weaken its delivery guarantee (e.g. {@code spring.kafka.producer.acks=1}).
 * Every request publishes through one shared producer, so concurrent events batch together.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReserveKitProperties.class)
class KafkaPublishingConfiguration {

    @Bean
    KafkaPublisherSettings kafkaPublisherSettings(KafkaProperties kafka, ReserveKitProperties reserveKit) {
        var properties = new HashMap<>(kafka.buildProducerProperties());
        // The adapter sets its own serializers; Boot's defaults (String/String) would not fit the wire format.
        properties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        properties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        var settings = KafkaPublisherSettings.builder();
        properties.forEach(settings::property);
        if (reserveKit.retention() != null) {
            settings.retentionMs(reserveKit.retention().toMillis());
        }
        if (reserveKit.retentionBytes() != null) {
            settings.retentionBytes(reserveKit.retentionBytes());
        }
        return settings.topic(reserveKit.topic())
                .source(reserveKit.source())
                .publishTimeout(reserveKit.publishTimeout())
                .partitions(reserveKit.partitions())
                .build();
    }

    /** The adapter's publisher on one producer that every request shares, its client metrics in Micrometer. */
    @Bean(destroyMethod = "close")
    KafkaReservationPublisher kafkaReservationPublisher(KafkaPublisherSettings settings, MeterRegistry meters) {
        // The publisher owns (and closes) the producer it gets from this factory.
        return KafkaReservationPublisher.create(settings, properties -> {
            var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
            new KafkaClientMetrics(producer).bindTo(meters);
            return producer;
        });
    }

    /** What the use cases publish through: the Kafka publisher, timed. */
    @Bean
    @Primary
    ReservationPublisher reservationPublisher(KafkaReservationPublisher kafka, MeterRegistry meters) {
        return new MeteredReservationPublisher(kafka, meters);
    }

    /** Creates {@code reserve} when missing (RF min(3, brokers), min ISR min(2, RF)); also the health probe. */
    @Bean(destroyMethod = "close")
    ReserveTopic reserveTopic(KafkaPublisherSettings settings) {
        var topic = ReserveTopic.create(settings);
        topic.ensureExists();
        return topic;
    }

    /** Poison pills on {@code reserve} are parked here by the listener's error handler. */
    @Bean
    NewTopic reserveDeadLetterTopic(ReserveKitProperties reserveKit) {
        return TopicBuilder.name(reserveKit.topic() + ".DLT").partitions(1).build();
    }

    /**
     * Boot applies this to the listener container: a record that fails deserialization is published, raw, to
     * {@code reserve.DLT} by Boot's {@link KafkaTemplate} (value serializer: bytes), with no retry.
     */
    @Bean
    DefaultErrorHandler reserveListenerErrorHandler(KafkaTemplate<Object, Object> kafkaTemplate) {
        // Partition -1: let the key decide, so the DLT needs no more partitions than it has.
        var recoverer = new DeadLetterPublishingRecoverer(
                kafkaTemplate, (record, failure) -> new TopicPartition(record.topic() + ".DLT", -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(0, 0));
    }
}
