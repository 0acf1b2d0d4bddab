package io.github.reservekit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import org.junit.jupiter.api.Test;

class WritesInProgressTest {

    @Test
    void write_requests_beyond_the_bound_are_refused_until_one_in_progress_is_answered() {
        var writes = new WritesInProgress(bound(2, false));

        assertThat(writes.tryStart()).isTrue();
        assertThat(writes.tryStart()).isTrue();
        assertThat(writes.tryStart()).as("a third while two are served").isFalse();
        assertThat(writes.serving()).isEqualTo(2);

        writes.finished();
        assertThat(writes.tryStart()).isTrue();
    }

    @Test
    void writes_in_flight_at_the_bound_refuse_even_with_no_request_in_progress_here() {
        var writes = new WritesInProgress(bound(10, true));

        assertThat(writes.tryStart()).isFalse();
        assertThat(writes.serving()).isZero();
    }

    @Test
    void without_a_bound_every_write_request_goes_on() {
        var writes = new WritesInProgress(() -> false);
        for (int i = 0; i < 1000; i++) {
            assertThat(writes.tryStart()).isTrue();
        }
    }

    private static WriteLoadQuery bound(int bound, boolean atLimit) {
        return new WriteLoadQuery() {
            @Override
            public boolean writesAtLimit() {
                return atLimit;
            }

            @Override
            public int writeBound() {
                return bound;
            }
        };
    }
}
