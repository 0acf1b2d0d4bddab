package io.github.reservekit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static RecentEvents.Observed event(long offset) {
        return new RecentEvents.Observed(
                UUID.randomUUID().toString(), "t", "r", "table-1", "2030-01-01T00:00:00Z", 0, offset);
    }

    @Test
    void keeps_only_the_last_events_up_to_its_capacity_oldest_first() {
        var view = new RecentEvents(2);
        var first = event(1);
        var second = event(2);
        var third = event(3);

        view.add(first);
        view.add(second);
        view.add(third);

        assertThat(view.after(null)).containsExactly(second, third);
    }

    @Test
    void after_an_offset_lists_the_events_with_greater_offsets() {
        var view = new RecentEvents(10);
        var first = event(1);
        var second = event(2);
        view.add(first);
        view.add(second);

        assertThat(view.after("1")).containsExactly(second);
        assertThat(view.after("2")).isEmpty();
    }

    @Test
    void after_an_event_id_lists_the_later_events_or_all_when_that_event_is_gone() {
        var view = new RecentEvents(2);
        var first = event(1);
        var second = event(2);
        var third = event(3);
        view.add(first);
        view.add(second);

        assertThat(view.after(first.eventId())).containsExactly(second);
        view.add(third);
        assertThat(view.after(first.eventId())).containsExactly(second, third);
    }

    @Test
    void a_capacity_below_one_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentEvents(0));
    }
}
