package io.github.reservekit.spring;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.metrics.FollowerMetrics;
import io.github.reservekit.kafka.metrics.MeteredReservationPublisher;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * ReserveKit in Spring Boot: the adapter's one assembly ({@link ReserveKitKafka}) on spring-kafka's client
 * factories, fed by Boot's {@code spring.kafka.*} producer, consumer and admin settings (so bootstrap servers,
 * client ids, security and Micrometer client metrics apply to the publisher and the follower alike) and by
 * {@code reservekit.*} (bound once, by the adapter's {@link ReserveKitSettings#bind}). The core's use cases are one
 * bean, {@link ReservationApplication}. The follower replays the topic while this configuration starts, so before
 * the web server takes a request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reservekit.publisher", havingValue = "kafka", matchIfMissing = true)
class ReserveKitConfiguration {

    static final URI SOURCE = URI.create("/reservekit/spring-app");

    /**
     * The publisher's producer factory, held by a bean that is no {@code ProducerFactory} (so Boot still creates
     * its own for {@code KafkaTemplate} users) and destroys the factory, and so the producer it shares, on close.
     */
    record Producers(DefaultKafkaProducerFactory<String, byte[]> factory) implements DisposableBean {
        @Override
        public void destroy() {
            factory.destroy();
        }
    }

    @Bean
    Producers reserveKitProducers(MeterRegistry meters) {
        // Configured by the adapter (its guarantees over Boot's settings) when the publisher is built, below.
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(
                Map.of(), new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new Producers(factory);
    }

    @Bean(destroyMethod = "close")
    ReserveKitKafka reserveKitKafka(
            Environment environment, KafkaProperties kafka, Producers producers, MeterRegistry meters) {
        var settings = ReserveKitSettings.bind(environment::getProperty, SOURCE);
        // Boot fills in String serializers by default; the adapter's wire format decides them.
        var producerProperties = kafka.buildProducerProperties();
        producerProperties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producerProperties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        var reserveKit = ReserveKitKafka.builder(settings, producerProperties)
                .producer(producerProperties, properties -> {
                    producers.factory().updateConfigs(properties);
                    return producers.factory().createProducer();
                })
                .consumer(kafka.buildConsumerProperties(), properties -> {
                    var consumers = new DefaultKafkaConsumerFactory<>(
                            properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                    consumers.addListener(new MicrometerConsumerListener<>(meters));
                    return consumers.createConsumer();
                })
                .adminProperties(kafka.buildAdminProperties())
                .publisherDecorator(publisher -> new MeteredReservationPublisher(publisher, meters))
                .build();
        reserveKit.start(); // replays the topic before the web server starts; closes everything if it cannot
        new FollowerMetrics(reserveKit.follower()).bindTo(meters);
        return reserveKit;
    }

    /** Every use case of the core, as one bean typed by each port it implements. */
    @Bean
    ReservationApplication reservationApplication(ReserveKitKafka reserveKit) {
        return reserveKit.reservations();
    }

    /** The live view: the last events the follower saw. */
    @Bean
    RecentEvents recentEvents(ReserveKitKafka reserveKit) {
        var recent = new RecentEvents();
        reserveKit
                .follower()
                .addListener(record ->
                        record.event().ifPresent(event -> recent.add(event, record.partition(), record.offset())));
        return recent;
    }

    /** UP only while an event can be published durably: the topic is able (ISR, LogAppendTime) and writes succeed. */
    @Bean("kafkaPublishing")
    HealthIndicator kafkaPublishingHealth(ReserveKitKafka reserveKit) {
        return () -> {
            var health = reserveKit.publishingHealth();
            return (health.canPublish() ? Health.up() : Health.down())
                    .withDetails(health.details())
                    .build();
        };
    }

    /** UP while the follower is caught up; its details show the records it skipped and where they sit. */
    @Bean("replay")
    HealthIndicator replayHealth(ReserveKitKafka reserveKit) {
        return () -> {
            var follower = reserveKit.follower();
            return (follower.isCaughtUp() ? Health.up() : Health.down())
                    .withDetails(follower.stats().details())
                    .build();
        };
    }
}
