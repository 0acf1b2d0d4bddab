package io.github.reservekit.kafka;

import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafkalocal.testing.ContainerTestKafka;
import io.github.reservekit.kafkalocal.testing.junit.EnabledIfDockerAvailable;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.testing.ReservationPublisherContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The port contract against Kafka in a Testcontainers {@code apache/kafka} container of the build's Kafka
 * version, whatever the automatic backend choice is. SKIPPED, with the reason, when Docker is not available.
 */
@EnabledIfDockerAvailable
class KafkaReservationPublisherTestcontainersIT extends ReservationPublisherContract {

    private static final String TOPIC = "reserve-testcontainers-it";

    private static ContainerTestKafka kafka;
    private static KafkaReservationPublisher publisher;

    @BeforeAll
    static void start_the_container() {
        kafka = ContainerTestKafka.start();
        System.out.println("[kafka-local] Kafka backend: " + kafka.description() + " at " + kafka.bootstrapServers());
        var settings = AdapterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(TOPIC)
                .build();
        try (var topic = settings.createTopic()) {
            topic.ensureExists();
        }
        publisher = settings.createPublisher();
    }

    @AfterAll
    static void stop_the_container() {
        if (publisher != null) {
            publisher.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected ReservationPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<ReservationEvent> published(List<ResourceId> resources, int expectedCount) {
        return KafkaTestClients.readEvents(kafka.bootstrapServers(), TOPIC, resources, expectedCount);
    }
}
