package io.github.reservekit.micronaut.configuration;

import static java.util.stream.Collectors.toMap;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.metrics.MeteredReservationPublisher;
import io.github.reservekit.kafka.metrics.ReserveKitMetrics;
import io.github.reservekit.kafka.read.FollowerListener;
import io.github.reservekit.kafka.settings.ClientTuning;
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
import java.util.Map;
import java.util.Properties;
import java.util.Set;

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

    private static final Set<String> CONNECTION_KEYS = Set.of("bootstrap.servers", "client.dns.lookup");

    /** What micronaut-kafka's metrics binding adds to its producer and consumer configurations. */
    private static final Set<String> METRICS_KEYS = Set.of("metric.reporters", "meter.registry");

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
        var reserveKit = ClientTuning.namingRefusedKeys(
                () -> ReserveKitKafka.builder(settings, producerProperties)
                        .consumerProperties(merged(connection, metrics(consumer.getConfig()), environment, "consumer"))
                        // Its own admin client, with timeouts within the publish timeout: micronaut-kafka's waits
                        // a minute per call, and so would a stop while no broker answers.
                        .adminProperties(merged(connection, Map.of(), environment, "admin"))
                        .publisherDecorator(publisher -> new MeteredReservationPublisher(publisher, meters))
                        .tracing(tracing == null ? RecordTracing.NONE : tracing)
                        .build(),
                ClientTuning.CLIENTS.stream().collect(toMap(client -> client, client -> own(environment, client))));
        // Never blocks on Kafka: the replay runs in the follower's thread; readiness (the replay indicator) is DOWN
        // and writes answer 503 until it has caught up.
        reserveKit.startInBackground();
        new ReserveKitMetrics(reserveKit).bindTo(meters);
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
        reserveKit.follower().addListener(FollowerListener.ofEvents(recent::add));
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
            if (CONNECTION_KEYS.contains(name) || ClientTuning.isSecurityKey(name)) {
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
        return environment.getProperties(ClientTuning.PREFIX + client, StringConvention.RAW);
    }
}
