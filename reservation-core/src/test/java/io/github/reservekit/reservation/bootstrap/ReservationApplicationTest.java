package io.github.reservekit.reservation.bootstrap;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import org.junit.jupiter.api.Test;

class ReservationApplicationTest {

    @Test
    void a_publisher_is_required() {
        assertThatThrownBy(() -> ReservationApplication.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("publisher");
    }

    @Test
    void the_assembled_use_cases_share_the_given_ports_and_one_set_of_locks() {
        var repository = new InMemoryReservationRepository();
        var publisher = new RecordingReservationPublisher();
        var reservations = ReservationApplication.builder()
                .publisher(publisher)
                .repository(repository)
                .clock(ReservationFixtures.clock())
                .build();

        var placed = reservations.place(placeCommand(TABLE_1, slot(24, 2)));
        assertThatThrownBy(() -> reservations.place(placeCommand(TABLE_1, slot(25, 2))))
                .isInstanceOf(ReservationConflictException.class);
        var cancelled = reservations.cancel(new CancelReservationCommand(placed.id()));

        assertThat(reservations.findById(placed.id())).isEqualTo(cancelled);
        assertThat(reservations.listByResource(TABLE_1)).containsExactly(cancelled);
        assertThat(repository.count()).isEqualTo(1);
        assertThat(publisher.published()).hasSize(2);
    }
}
