package io.github.reservekit.benchmarks;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.write.ProducerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

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
}
