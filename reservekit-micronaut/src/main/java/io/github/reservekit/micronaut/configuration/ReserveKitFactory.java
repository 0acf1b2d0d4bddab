package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.metrics.FollowerMetrics;
import io.github.reservekit.kafka.metrics.MeteredReservationPublisher;
import io.github.reservekit.kafka.metrics.WriteAdmissionMetrics;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * ReserveKit in any Micronaut app: the adapter's one assembly ({@link ReserveKitKafka}) connected by micronaut-kafka's
 * own configuration ({@code kafka.*}: bootstrap servers, security; see {@link #connection}) with its client metrics,
 * tuned by ReserveKit's own {@code reservekit.kafka.producer.*}, {@code consumer.*} and {@code admin.*} (never the
 * app's {@code kafka.producers.*} / {@code kafka.consumers.*}), and {@code reservekit.*} (bound once, by the adapter's
 * {@link ReserveKitSettings#bind}). The core's use cases are one bean, {@link ReservationApplication}. A
 * {@link Context} bean that starts the replay in the background: start-up never waits for Kafka.
 * Every bean can be replaced with the application's own ({@code @Replaces}); {@code reservekit.enabled=false}
 * switches all of them off and leaves the app's own micronaut-kafka alone ({@code kafka.enabled=false} switches off
 * both). With an OpenTelemetry bean (micronaut-tracing), each event carries the request's trace.
 */
@Factory
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "kafka.enabled", notEquals = "false")
class ReserveKitFactory {

    /** The CloudEvents source when {@code reservekit.source} is not set. */
    static final String DEFAULT_SOURCE = "/reservekit/micronaut";

    static final URI SOURCE = URI.create(DEFAULT_SOURCE);

    /** The prefix of ReserveKit's own client tuning: {@code reservekit.kafka.producer.*}, {@code consumer.*}, {@code admin.*}. */
    static final String TUNING = "reservekit.kafka.";

    private static final Set<String> CONNECTION_KEYS = Set.of("bootstrap.servers", "client.dns.lookup");

    /** What micronaut-kafka's metrics binding adds to its producer and consumer configurations. */
    private static final Set<String> METRICS_KEYS = Set.of("metric.reporters", "meter.registry");

    private static final List<String> CONNECTION_PREFIXES = List.of("security.", "sasl.", "ssl.");

    @Context
    @Bean(preDestroy = "close")
    ReserveKitKafka reserveKitKafka(
            Environment environment,
            KafkaDefaultConfiguration kafka,
            AbstractKafkaProducerConfiguration<?, ?> producer,
            AbstractKafkaConsumerConfiguration<?, ?> consumer,
            MeterRegistry meters,
            @Nullable RecordTracing tracing) {
        var settings = ReserveKitSettings.bind(
                key -> environment.getProperty(key, String.class).orElse(null), SOURCE);
        var connection = connection(kafka.getConfig());
        var producerProperties = merged(connection, metrics(producer.getConfig()), environment, "producer");
        var reserveKit = refusalsNamingKeys(
                () -> ReserveKitKafka.builder(settings, producerProperties)
                        .consumerProperties(merged(connection, metrics(consumer.getConfig()), environment, "consumer"))
                        // Its own admin client, with timeouts within the publish timeout: micronaut-kafka's waits
                        // a minute per call, and so would a stop while no broker answers.
                        .adminProperties(merged(connection, Map.of(), environment, "admin"))
                        .publisherDecorator(publisher -> new MeteredReservationPublisher(publisher, meters))
                        .tracing(tracing == null ? RecordTracing.NONE : tracing)
                        .build(),
                environment);
        // Never blocks on Kafka: the replay runs in the follower's thread; readiness (the replay indicator) is DOWN
        // and writes answer 503 until it has caught up.
        reserveKit.startInBackground();
        new FollowerMetrics(reserveKit.follower()).bindTo(meters);
        reserveKit.writeAdmission().ifPresent(admission -> new WriteAdmissionMetrics(admission).bindTo(meters));
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

    /**
     * The connection from micronaut-kafka's common configuration ({@code kafka.*}): bootstrap servers, security
     * ({@code security.*}, {@code sasl.*}, {@code ssl.*}) and DNS lookup. Its other keys, and
     * {@code kafka.producers.*} / {@code kafka.consumers.*}, are the app's own clients' tuning and never reach
     * ReserveKit's.
     */
    static Map<String, Object> connection(Properties config) {
        var properties = new LinkedHashMap<String, Object>();
        config.forEach((key, value) -> {
            String name = key.toString();
            if (CONNECTION_KEYS.contains(name) || CONNECTION_PREFIXES.stream().anyMatch(name::startsWith)) {
                properties.put(name, value);
            }
        });
        return properties;
    }

    /**
     * Only the Kafka client metrics micronaut-kafka binds into its producer or consumer configuration (its reporter
     * and the meter registry), none of the app's tuning there.
     */
    private static Map<String, Object> metrics(Properties config) {
        var properties = new LinkedHashMap<String, Object>();
        config.forEach((key, value) -> {
            if (METRICS_KEYS.contains(key.toString())) {
                properties.put(key.toString(), value);
            }
        });
        return properties;
    }

    /** The connection and the client metrics, then ReserveKit's own tuning ({@code reservekit.kafka.<client>.*}). */
    private static Map<String, Object> merged(
            Map<String, Object> connection, Map<String, Object> metrics, Environment environment, String client) {
        var properties = new LinkedHashMap<String, Object>(connection);
        properties.putAll(metrics);
        properties.putAll(own(environment, client));
        return properties;
    }

    private static Map<String, Object> own(Environment environment, String client) {
        return environment.getProperties(TUNING + client, StringConvention.RAW);
    }

    /** Builds ReserveKit; a refusal of a setting that would break a guarantee names its reservekit.kafka.* key. */
    private static ReserveKitKafka refusalsNamingKeys(Supplier<ReserveKitKafka> build, Environment environment) {
        try {
            return build.get();
        } catch (IllegalArgumentException refused) {
            var keys = new TreeSet<String>();
            for (String client : List.of("producer", "consumer", "admin")) {
                for (String key : own(environment, client).keySet()) {
                    if (refused.getMessage() != null && refused.getMessage().contains(key)) {
                        keys.add(TUNING + client + "." + key);
                    }
                }
            }
            if (keys.isEmpty()) {
                throw refused;
            }
            throw new IllegalArgumentException(
                    "ReserveKit's Kafka settings " + String.join(", ", keys) + " refused: " + refused.getMessage(),
                    refused);
        }
    }
}
