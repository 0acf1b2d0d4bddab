package io.github.reservekit.kafka;

import io.github.reservekit.kafkalocal.testing.junit.EnabledIfDockerAvailable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The port contract against Kafka in a Testcontainers {@code apache/kafka} container of the build's Kafka
 * version, whatever the automatic backend choice is. SKIPPED, with the reason, when Docker is not available.
 */
@EnabledIfDockerAvailable
class KafkaReservationPublisherTestcontainersIT extends KafkaPublisherContract {

    @RegisterExtension
    static final PublisherOnTopic CONTAINER = PublisherOnTopic.inAContainer("reserve-testcontainers-it");

    KafkaReservationPublisherTestcontainersIT() {
        super(CONTAINER);
    }
}
