package io.github.reservekit.kafka;

import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;

/** Test fixture: ReserveKit's settings plus the Kafka client properties, and the adapter's clients built from them. */
record AdapterSettings(ReserveKitSettings reserveKit, Map<String, Object> kafkaProperties) {

    static AdapterSettings of(String bootstrapServers) {
        return builder().bootstrapServers(bootstrapServers).build();
    }

    static Builder builder() {
        return new Builder();
    }

    String topic() {
        return reserveKit.topic();
    }

    URI source() {
        return reserveKit.source();
    }

    Duration publishTimeout() {
        return reserveKit.publishTimeout();
    }

    String bootstrapServers() {
        return String.valueOf(kafkaProperties.get("bootstrap.servers"));
    }

    AdapterSettings withTopic(String topic) {
        return new AdapterSettings(reserveKit.withTopic(topic), kafkaProperties);
    }

    ProducerSettings producerSettings() {
        return ProducerSettings.of(reserveKit, kafkaProperties);
    }

    Map<String, Object> producerProperties() {
        return producerSettings().producerProperties();
    }

    ReserveTopic createTopic() {
        return ReserveTopic.create(reserveKit, kafkaProperties);
    }

    KafkaReservationPublisher createPublisher() {
        return KafkaReservationPublisher.create(producerSettings());
    }

    KafkaReservationPublisher createPublisher(
            Function<Map<String, Object>, ? extends Producer<String, byte[]>> producerFactory) {
        return KafkaReservationPublisher.create(producerSettings(), producerFactory);
    }

    KafkaReservationFollower createFollower(ApplyReservationEventUseCase events) {
        return KafkaReservationFollower.create(topic(), kafkaProperties, events);
    }

    static final class Builder {
        private final Map<String, Object> kafka = new LinkedHashMap<>();
        private ReserveKitSettings reserveKit = ReserveKitSettings.defaults(URI.create("/reservekit"));

        Builder bootstrapServers(String servers) {
            return property("bootstrap.servers", servers);
        }

        Builder property(String key, Object value) {
            kafka.put(key, value);
            return this;
        }

        Builder source(URI source) {
            reserveKit = new ReserveKitSettings(
                    reserveKit.topic(),
                    source,
                    reserveKit.publishTimeout(),
                    reserveKit.partitions(),
                    reserveKit.replayTimeout(),
                    reserveKit.retentionMs(),
                    reserveKit.retentionBytes(),
                    reserveKit.clockSkewMargin(),
                    reserveKit.maxHorizon(),
                    reserveKit.ownerOnly(),
                    reserveKit.minWritesInFlight(),
                    reserveKit.maxWritesInFlight());
            return this;
        }

        Builder topic(String topic) {
            reserveKit = reserveKit.withTopic(topic);
            return this;
        }

        Builder publishTimeout(Duration timeout) {
            reserveKit = reserveKit.withPublishTimeout(timeout);
            return this;
        }

        Builder partitions(int partitions) {
            reserveKit = reserveKit.withPartitions(partitions);
            return this;
        }

        Builder retentionMs(long retentionMs) {
            reserveKit = reserveKit.withRetention(retentionMs, reserveKit.retentionBytes());
            return this;
        }

        Builder retentionBytes(long retentionBytes) {
            reserveKit = reserveKit.withRetention(reserveKit.retentionMs(), retentionBytes);
            return this;
        }

        AdapterSettings build() {
            var settings = new AdapterSettings(reserveKit, Map.copyOf(kafka));
            settings.producerSettings(); // refuses what would break the guarantee, as the adapter does at start
            return settings;
        }
    }
}
