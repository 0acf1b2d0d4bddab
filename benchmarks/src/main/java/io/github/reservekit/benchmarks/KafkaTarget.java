package io.github.reservekit.benchmarks;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Where a benchmark publishes: ReserveKit's settings and the Kafka client properties. */
record KafkaTarget(ReserveKitSettings reserveKit, Map<String, Object> kafka) {

    static KafkaTarget of(String bootstrapServers, String topic, int partitions, Duration publishTimeout) {
        return new KafkaTarget(
                ReserveKitSettings.defaults(URI.create("/reservekit/benchmark"))
                        .withTopic(topic)
                        .withPartitions(partitions)
                        .withPublishTimeout(publishTimeout),
                Map.of("bootstrap.servers", bootstrapServers));
    }

    KafkaTarget withTopic(String topic) {
        return new KafkaTarget(reserveKit.withTopic(topic), kafka);
    }

    String topic() {
        return reserveKit.topic();
    }

    ProducerSettings producer() {
        return ProducerSettings.of(reserveKit, kafka);
    }

    Map<String, Object> producerProperties() {
        return producer().producerProperties();
    }

    /**
     * Creates the topic as the adapter does (partitions, replication, min ISR) unless it exists.
     *
     * @throws IllegalStateException when the adapter could not publish to it
     */
    TopicHealth provision() {
        try (var topic = ReserveTopic.create(reserveKit, kafka)) {
            var health = topic.ensureExists();
            if (!health.canPublish()) {
                throw new IllegalStateException("cannot publish to " + topic() + ": " + health.problems());
            }
            return health;
        }
    }

    /**
     * The records the adapter sends for {@code events}, built beforehand by its own mapping (a publisher on a
     * {@link MockProducer}): sending them is then all that a plain producer does.
     */
    List<ProducerRecord<String, byte[]>> wireRecords(List<? extends ReservationEvent> events) {
        var capture = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        var mapping = KafkaReservationPublisher.using(capture, producer());
        events.forEach(mapping::publish);
        return List.copyOf(capture.history());
    }
}
