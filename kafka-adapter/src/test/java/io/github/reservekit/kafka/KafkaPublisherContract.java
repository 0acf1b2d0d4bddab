package io.github.reservekit.kafka;

import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.testing.ReservationPublisherContract;
import java.util.List;

/**
 * The port contract for the adapter's publisher on a real broker, its events read back with a plain consumer. A
 * subclass registers the {@link PublisherOnTopic} of its broker and hands it over.
 */
abstract class KafkaPublisherContract extends ReservationPublisherContract {

    private final PublisherOnTopic onTopic;

    KafkaPublisherContract(PublisherOnTopic onTopic) {
        this.onTopic = onTopic;
    }

    @Override
    protected ReservationPublisher publisher() {
        return onTopic.publisher();
    }

    @Override
    protected List<ReservationEvent> published(List<ResourceId> resources, int expectedCount) {
        return KafkaTestClients.readEvents(
                onTopic.kafka().bootstrapServers(), onTopic.topic(), resources, expectedCount);
    }
}
