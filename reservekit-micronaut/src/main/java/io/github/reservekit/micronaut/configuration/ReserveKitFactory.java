package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.metrics.FollowerMetrics;
import io.github.reservekit.kafka.metrics.MeteredReservationPublisher;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * ReserveKit in any Micronaut app: the adapter's one assembly ({@link ReserveKitKafka}) fed by micronaut-kafka's own
 * configuration ({@code kafka.*} with {@code kafka.producers.default.*} for the publisher and
 * {@code kafka.consumers.default.*} for the follower, so bootstrap servers, client ids, security and the metrics
 * reporter apply to both), its admin client, and {@code reservekit.*} (bound once, by the adapter's
 * {@link ReserveKitSettings#bind}). The core's use cases are one bean, {@link ReservationApplication}. A
 * {@link Context} bean: the follower replays the topic while the context starts, before the HTTP server does.
 * Every bean can be replaced with the application's own ({@code @Replaces}); {@code reservekit.enabled=false}
 * switches all of them off and leaves the app's own micronaut-kafka alone ({@code kafka.enabled=false} switches off
 * both). With an OpenTelemetry bean (micronaut-tracing), each event carries the request's trace.
 */
@Factory
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "kafka.enabled", notEquals = "false")
class ReserveKitFactory {

    /** The CloudEvents source when {@code reservekit.source} is not set. */
    static final URI SOURCE = URI.create("/reservekit/micronaut");

    @Context
    @Bean(preDestroy = "close")
    ReserveKitKafka reserveKitKafka(
            Environment environment,
            AbstractKafkaProducerConfiguration<?, ?> producer,
            AbstractKafkaConsumerConfiguration<?, ?> consumer,
            AdminClient admin,
            MeterRegistry meters,
            @Nullable RecordTracing tracing) {
        var settings = ReserveKitSettings.bind(
                key -> environment.getProperty(key, String.class).orElse(null), SOURCE);
        var producerProperties = clientProperties(producer.getConfig());
        // micronaut-kafka fills in its own serializers; the adapter's wire format decides them.
        producerProperties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producerProperties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        var reserveKit = ReserveKitKafka.builder(settings, producerProperties)
                .consumerProperties(clientProperties(consumer.getConfig()))
                .admin(admin)
                .publisherDecorator(publisher -> new MeteredReservationPublisher(publisher, meters))
                .tracing(tracing == null ? RecordTracing.NONE : tracing)
                .build();
        // Never blocks on Kafka: the replay runs in the follower's thread; readiness (the replay indicator) is DOWN
        // and writes answer 503 until it has caught up.
        reserveKit.startInBackground();
        new FollowerMetrics(reserveKit.follower()).bindTo(meters);
        return reserveKit;
    }

    /** Every use case of the core, as one bean typed by each port it implements. */
    @Singleton
    ReservationApplication reservationApplication(ReserveKitKafka reserveKit) {
        return reserveKit.reservations();
    }

    /** The live view: the last events the follower saw. */
    @Singleton
    RecentEvents recentEvents(ReserveKitKafka reserveKit) {
        var recent = new RecentEvents();
        reserveKit
                .follower()
                .addListener(record ->
                        record.event().ifPresent(event -> recent.add(event, record.partition(), record.offset())));
        return recent;
    }

    /** micronaut-kafka's configuration without its own switches ({@code health.*}), which are no client settings. */
    private static Map<String, Object> clientProperties(Properties config) {
        var properties = new LinkedHashMap<String, Object>();
        config.forEach((key, value) -> {
            if (!key.toString().startsWith("health.")) {
                properties.put(key.toString(), value);
            }
        });
        return properties;
    }
}
