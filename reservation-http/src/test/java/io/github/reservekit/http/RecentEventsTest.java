package io.github.reservekit.http;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.cancelledEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.clock;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    @Test
    void events_are_numbered_in_arrival_order_and_read_after_a_sequence() {
        var events = new RecentEvents();
        var placed = placedEvent(TABLE_1, slot(24, 2));
        events.add(placed, 2, 40);
        events.add(cancelledEvent(placed, clock()), 2, 41);

        assertThat(events.after(0))
                .extracting(EventView::sequence, EventView::type, EventView::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "placed", 40L),
                        org.assertj.core.groups.Tuple.tuple(2L, "cancelled", 41L));
        assertThat(events.after(1)).singleElement().satisfies(view -> {
            assertThat(view.reservationId()).isEqualTo(placed.reservationId().toString());
            assertThat(view.resourceId()).isEqualTo("table-1");
        });
        assertThat(events.after(2)).isEmpty();
    }

    @Test
    void only_the_newest_events_up_to_the_capacity_are_kept() {
        var events = new RecentEvents(3);
        for (int i = 0; i < 5; i++) {
            events.add(placedEvent(TABLE_1, slot(24 + i, 1)), 0, i);
        }

        assertThat(events.after(0)).extracting(EventView::sequence).containsExactly(3L, 4L, 5L);
    }
}
