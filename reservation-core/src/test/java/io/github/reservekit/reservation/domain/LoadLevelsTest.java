package io.github.reservekit.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoadLevelsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static Instant h(int hours) {
        return T0.plusSeconds(hours * 3600L);
    }

    private final LoadLevels load = new LoadLevels();

    @Test
    void the_largest_load_over_a_slot_counts_every_overlapping_reservation_at_once() {
        load.add(h(1), h(5), 2);
        load.add(h(3), h(8), 3);
        load.add(h(8), h(9), 1); // back to back with the one before: never at the same instant

        assertThat(load.maxOver(h(0), h(1))).isZero();
        assertThat(load.maxOver(h(0), h(2))).isEqualTo(2);
        assertThat(load.maxOver(h(4), h(5))).isEqualTo(5);
        assertThat(load.maxOver(h(5), h(9))).isEqualTo(3);
        assertThat(load.maxOver(h(8), h(10))).isEqualTo(1);
        assertThat(load.maxOver(h(9), h(10))).isZero();
    }

    @Test
    void removing_what_was_added_leaves_nothing_behind() {
        load.add(h(1), h(5), 2);
        load.add(h(3), h(8), 3);

        load.add(h(3), h(8), -3);
        assertThat(load.maxOver(h(0), h(10))).isEqualTo(2);
        assertThat(load.steps()).isEqualTo(2);
        load.add(h(1), h(5), -2);
        assertThat(load.isEmpty()).isTrue();
    }
}
