package io.github.reservekit.springboot.autoconfigure;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.settings.ClientTuning;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The Kafka properties of ReserveKit's own clients: the connection from Boot's connection source, then ReserveKit's
 * own tuning. The connection is what {@link KafkaConnectionDetails} gives for that client (bootstrap servers,
 * security protocol, SSL bundle: so {@code @ServiceConnection} and Docker Compose work), and the security of
 * {@code spring.kafka.security.*}, {@code spring.kafka.ssl.*} and the {@code sasl.*}, {@code ssl.*} and
 * {@code security.*} keys of {@code spring.kafka.properties.*}. The tuning is {@code reservekit.kafka.producer.*},
 * {@code reservekit.kafka.consumer.*} and {@code reservekit.kafka.admin.*}; the app's own {@code spring.kafka.producer.*},
 * {@code consumer.*} and {@code admin.*} are for its own clients and never reach ReserveKit's.
 */
record ReserveKitClientSettings(Map<String, String> producer, Map<String, String> consumer, Map<String, String> admin) {

    static ReserveKitClientSettings bind(Environment environment) {
        var binder = Binder.get(environment);
        return new ReserveKitClientSettings(
                clientMap(binder, "producer"), clientMap(binder, "consumer"), clientMap(binder, "admin"));
    }

    private static Map<String, String> clientMap(Binder binder, String client) {
        return Map.copyOf(binder.bind(ClientTuning.PREFIX + client, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    Map<String, Object> producer(KafkaProperties kafka, KafkaConnectionDetails.Configuration connection) {
        return merged(kafka, connection, producer);
    }

    Map<String, Object> consumer(KafkaProperties kafka, KafkaConnectionDetails.Configuration connection) {
        return merged(kafka, connection, consumer);
    }

    Map<String, Object> admin(KafkaProperties kafka, KafkaConnectionDetails.Configuration connection) {
        return merged(kafka, connection, admin);
    }

    /** Builds ReserveKit; a refusal of a setting that would break a guarantee names its reservekit.kafka.* key. */
    ReserveKitKafka build(ReserveKitKafka.Builder builder) {
        return ClientTuning.namingRefusedKeys(
                builder::build, Map.of("producer", producer, "consumer", consumer, "admin", admin));
    }

    private static Map<String, Object> merged(
            KafkaProperties kafka, KafkaConnectionDetails.Configuration connection, Map<String, String> own) {
        var config = new HashMap<String, Object>();
        kafka.getProperties().forEach((key, value) -> {
            if (ClientTuning.isSecurityKey(key)) {
                config.put(key, value);
            }
        });
        config.putAll(kafka.getSsl().buildProperties());
        config.putAll(kafka.getSecurity().buildProperties());
        config.put("bootstrap.servers", String.join(",", connection.getBootstrapServers()));
        if (StringUtils.hasLength(connection.getSecurityProtocol())) {
            config.put("security.protocol", connection.getSecurityProtocol());
        }
        SslBundle bundle = connection.getSslBundle();
        if (bundle != null) {
            // As Boot's own clients take a bundle: its engine factory, handed the bundle object.
            config.put("ssl.engine.factory.class", SslBundleSslEngineFactory.class);
            config.put(SslBundle.class.getName(), bundle);
        }
        config.putAll(own);
        return config;
    }
}
