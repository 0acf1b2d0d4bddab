package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** One bean, the core assembled once, serves every use-case port (and micronaut-test-junit5 runs on JUnit 6). */
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
    void every_use_case_port_is_the_one_assembly_of_the_core() {
        assertThat(place).isInstanceOf(ReservationApplication.class);
        assertThat(cancel).isSameAs(place);
        assertThat(find).isSameAs(place);
        assertThat(list).isSameAs(place);
    }
}
