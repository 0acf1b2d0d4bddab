package io.github.reservekit.reservation.testing;

import static io.github.reservekit.reservation.testing.ReservationFixtures.cancelledEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.clock;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReservationPublisher} must do. An implementation's test extends this class and says how
 * to make a publisher and how to read back what it durably published.
 */
public abstract class ReservationPublisherContract {

    /** A publisher that can publish; a new one per test, or one shared if {@link #published} can tell apart. */
    protected abstract ReservationPublisher publisher();

    /**
     * Every event the publisher durably accepted that belongs to one of {@code resources}, in publication
     * order per resource. Called only after publish returned; may wait for the events to become visible.
     */
    protected abstract List<ReservationEvent> published(List<ResourceId> resources, int expectedCount);

    /** A unique resource per test, so tests sharing a destination do not see each other's events. */
    protected ResourceId uniqueResource() {
        return new ResourceId("contract-" + java.util.UUID.randomUUID());
    }

    @Test
    void an_event_is_readable_once_publish_returns() {
        var resource = uniqueResource();
        var placed = placedEvent(resource, slot(24, 2));

        publisher().publish(placed);

        assertThat(published(List.of(resource), 1)).containsExactly(placed);
    }

    @Test
    void events_of_one_resource_keep_their_order() {
        var resource = uniqueResource();
        var first = placedEvent(resource, slot(24, 2));
        var cancelled = cancelledEvent(first, clock());
        var second = placedEvent(resource, slot(24, 2));

        publisher().publish(first);
        publisher().publish(cancelled);
        publisher().publish(second);

        assertThat(published(List.of(resource), 3)).containsExactly(first, cancelled, second);
    }

    @Test
    void concurrent_publishers_all_get_through() throws Exception {
        var resources = new ArrayList<ResourceId>();
        var events = new ArrayList<ReservationEvent>();
        for (int i = 0; i < 50; i++) {
            var resource = uniqueResource();
            resources.add(resource);
            events.add(placedEvent(resource, slot(24, 1)));
        }
        var publisher = publisher();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<?>>();
            for (var event : events) {
                futures.add(pool.submit(() -> publisher.publish(event)));
            }
            for (var future : futures) {
                future.get();
            }
        }

        assertThat(published(resources, events.size())).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void a_null_event_is_a_programming_error() {
        assertThatThrownBy(() -> publisher().publish(null)).isInstanceOf(NullPointerException.class);
    }
}
