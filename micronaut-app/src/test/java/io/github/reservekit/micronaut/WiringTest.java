package io.github.reservekit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.service.CancelReservationService;
import io.github.reservekit.reservation.application.service.FindReservationService;
import io.github.reservekit.reservation.application.service.ListReservationsService;
import io.github.reservekit.reservation.application.service.PlaceReservationService;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The factory hands out the core's services as its ports (and micronaut-test-junit5 runs on JUnit 6). */
@MicronautTest(startApplication = false)
@Property(name = "kafka.enabled", value = "false")
@Property(name = FakePublisherFactory.ENABLED, value = "true")
class WiringTest {

    @Inject
    PlaceReservationUseCase place;

    @Inject
    CancelReservationUseCase cancel;

    @Inject
    FindReservationQuery find;

    @Inject
    ListReservationsQuery list;

    @Test
    void each_use_case_port_is_the_cores_own_service() {
        assertThat(place).isInstanceOf(PlaceReservationService.class);
        assertThat(cancel).isInstanceOf(CancelReservationService.class);
        assertThat(find).isInstanceOf(FindReservationService.class);
        assertThat(list).isInstanceOf(ListReservationsService.class);
    }
}
