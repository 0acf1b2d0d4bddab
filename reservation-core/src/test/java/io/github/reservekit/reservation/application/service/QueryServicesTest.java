package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_2;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryServicesTest {

    private final InMemoryReservationRepository repository = new InMemoryReservationRepository();
    private final ReservationApplication services = ReservationApplication.builder()
            .repository(repository)
            .publisher(new RecordingReservationPublisher())
            .clock(ReservationFixtures.clock())
            .settings(ReservationSettings.DEFAULTS
                    .withPublishTimeout(Duration.ofSeconds(5))
                    .withClockSkewMargin(Duration.ZERO))
            .build();
    private final PlaceReservationUseCase place = services;
    private final FindReservationQuery find = services;
    private final ListReservationsQuery list = services;

    @Test
    void a_reservation_is_found_by_its_id() {
        var reservation = place.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(find.findById(reservation.id())).isEqualTo(reservation);
    }

    @Test
    void an_unknown_id_is_not_found() {
        var unknown = ReservationId.random();

        assertThatThrownBy(() -> find.findById(unknown)).isInstanceOf(ReservationNotFoundException.class);
    }

    @Test
    void a_resource_lists_its_reservations_ordered_by_start() {
        var late = place.place(placeCommand(TABLE_1, slot(48, 2)));
        var early = place.place(placeCommand(TABLE_1, slot(24, 2)));
        place.place(placeCommand(TABLE_2, slot(24, 2)));

        assertThat(list.listByResource(TABLE_1)).containsExactly(early, late);
        assertThat(list.listByResource(new ResourceId("unused"))).isEmpty();
    }
}
