package io.github.reservekit.springboot.autoconfigure;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.metrics.MeteredReservationPublisher;
import io.github.reservekit.kafka.metrics.ReserveKitMetrics;
import io.github.reservekit.kafka.read.FollowerListener;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.tracing.OpenTelemetryRecordTracing;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
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
 * factories, connected by Boot's connection source ({@link KafkaConnectionDetails}: {@code spring.kafka.*}, or a
 * {@code @ServiceConnection}, or Docker Compose), with the security of {@code spring.kafka.security.*},
 * {@code spring.kafka.ssl.*} and {@code spring.kafka.properties.sasl.*}, tuned by ReserveKit's own
 * {@code reservekit.kafka.producer.*}, {@code consumer.*} and {@code admin.*} (never by the app's own
 * {@code spring.kafka.producer.*}: see {@link ReserveKitClientSettings}), and by {@code reservekit.*} (bound once, by
 * the adapter's {@link ReserveKitSettings#bind}; {@link ReserveKitProperties} documents the keys). The core's use
 * cases are one bean, {@link ReservationApplication}. The follower replays the topic in its own thread: start-up
 * never waits for Kafka, and the {@code replay} health indicator (in the readiness group) is DOWN until caught up.
 *
 * <p>Every bean backs off when the application defines its own (by type, or by name for the health indicators);
 * {@code reservekit.enabled=false} switches ReserveKit off. Metrics need a {@link MeterRegistry} bean, traces an
 * {@link OpenTelemetry} bean (Spring Boot's, with Micrometer Tracing's OpenTelemetry bridge), health
 * spring-boot-health; each is left out without it.
 */
@AutoConfiguration(
        after = KafkaAutoConfiguration.class,
        afterName = {
            // Its ApplicationAvailability hears Boot's ACCEPTING_TRAFFIC before ReplayReadiness takes it back.
            "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"
        })
@ConditionalOnClass({ReserveKitKafka.class, KafkaProperties.class, DefaultKafkaProducerFactory.class})
@ConditionalOnBooleanProperty(name = "reservekit.enabled", matchIfMissing = true)
public class ReserveKitAutoConfiguration {

    /** The CloudEvents source when {@code reservekit.source} is not set. */
    static final URI SOURCE = URI.create(ReserveKitProperties.DEFAULT_SOURCE);

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
    @ConditionalOnMissingBean(ReserveKitKafka.class)
    Producers reserveKitProducers(ObjectProvider<MeterRegistry> meters) {
        // Configured by the adapter (its guarantees over Boot's settings) when the publisher is built, below.
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(
                Map.of(), new StringSerializer(), new ByteArraySerializer());
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return new Producers(factory);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReserveKitKafka reserveKitKafka(
            Environment environment,
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            Producers producers,
            ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<RecordTracing> tracing) {
        var settings = ReserveKitSettings.bind(environment::getProperty, SOURCE);
        var meters = meterRegistry.getIfAvailable();
        var own = ReserveKitClientSettings.bind(environment);
        var producerProperties = own.producer(kafka, connection.getProducer());
        var builder = ReserveKitKafka.builder(settings, producerProperties)
                .producer(producerProperties, properties -> {
                    producers.factory().updateConfigs(properties);
                    return producers.factory().createProducer();
                })
                .consumer(own.consumer(kafka, connection.getConsumer()), properties -> {
                    var consumers = new DefaultKafkaConsumerFactory<>(
                            properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                    if (meters != null) {
                        consumers.addListener(new MicrometerConsumerListener<>(meters));
                    }
                    return consumers.createConsumer();
                })
                .adminProperties(own.admin(kafka, connection.getAdmin()))
                .publisherDecorator(
                        publisher -> meters == null ? publisher : new MeteredReservationPublisher(publisher, meters))
                .tracing(tracing.getIfAvailable(() -> RecordTracing.NONE));
        var reserveKit = own.build(builder);
        // Never blocks on Kafka: the app starts and the replay runs in the follower's thread; readiness stays DOWN
        // and ReserveKit's endpoints answer 503 until it has caught up.
        reserveKit.startInBackground();
        if (meters != null) {
            new ReserveKitMetrics(reserveKit).bindTo(meters);
        }
        return reserveKit;
    }

    /** Readiness REFUSING_TRAFFIC until the follower has caught up (it replays while the app starts). */
    @Bean
    @ConditionalOnMissingBean
    ReplayReadiness reserveKitReplayReadiness(ReserveKitKafka reserveKit) {
        return new ReplayReadiness(reserveKit.follower());
    }

    /** Every use case of the core, as one bean typed by each port it implements. */
    @Bean
    @ConditionalOnMissingBean
    ReservationApplication reservationApplication(ReserveKitKafka reserveKit) {
        return reserveKit.reservations();
    }

    /** The live view: the last events the follower saw. */
    @Bean
    @ConditionalOnMissingBean
    RecentEvents recentEvents(ReserveKitKafka reserveKit) {
        var recent = new RecentEvents();
        reserveKit.follower().addListener(FollowerListener.ofEvents(recent::add));
        return recent;
    }

    /** Health: present where spring-boot-health is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class ReserveKitHealthConfiguration {

        /** UP only while an event can be published durably: the topic is able (ISR, LogAppendTime) and writes succeed. */
        @Bean("kafkaPublishing")
        @ConditionalOnMissingBean(name = "kafkaPublishing")
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
        @ConditionalOnMissingBean(name = "replay")
        HealthIndicator replayHealth(ReserveKitKafka reserveKit) {
            return () -> {
                var follower = reserveKit.follower();
                return (follower.isCaughtUp() ? Health.up() : Health.down())
                        .withDetails(follower.stats().details())
                        .build();
            };
        }
    }

    /** Traces across the topic, where the application runs OpenTelemetry (Boot's {@code OpenTelemetry} bean). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenTelemetry.class)
    static class ReserveKitTracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(OpenTelemetry.class)
        RecordTracing reserveKitRecordTracing(OpenTelemetry openTelemetry) {
            return OpenTelemetryRecordTracing.of(openTelemetry);
        }
    }
}
