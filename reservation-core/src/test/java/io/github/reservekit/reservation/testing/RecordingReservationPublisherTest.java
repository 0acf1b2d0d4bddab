package io.github.reservekit.reservation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingReservationPublisherTest extends ReservationPublisherContract {

    private final RecordingReservationPublisher publisher = new RecordingReservationPublisher();

    @Override
    protected ReservationPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<ReservationEvent> published(List<ResourceId> resources, int expectedCount) {
        return publisher.published().stream()
                .filter(event -> resources.contains(event.resourceId()))
                .toList();
    }

    @Test
    void a_publisher_told_to_fail_records_nothing_until_it_recovers() {
        var event = ReservationFixtures.placedEvent(ReservationFixtures.TABLE_1, ReservationFixtures.slot(24, 2));
        publisher.failWith(true);

        assertThatThrownBy(() -> publisher.publish(event))
                .isInstanceOfSatisfying(
                        PublicationFailedException.class,
                        failed -> assertThat(failed.retriable()).isTrue());
        assertThat(publisher.published()).isEmpty();

        publisher.recover();
        publisher.publish(event);
        assertThat(publisher.published()).containsExactly(event);
    }
}
