package io.github.reservekit.spring;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.application.service.ApplyReservationEventService;
import io.github.reservekit.reservation.application.service.CancelReservationService;
import io.github.reservekit.reservation.application.service.FindReservationService;
import io.github.reservekit.reservation.application.service.KeyedLocks;
import io.github.reservekit.reservation.application.service.ListReservationsService;
import io.github.reservekit.reservation.application.service.PlaceReservationService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the core: one bean per use case, typed as its port. The publisher comes from the Kafka wiring. */
@Configuration(proxyBeanMethods = false)
class ReservationConfiguration {

    @Bean
    RecentEvents recentEvents() {
        return new RecentEvents();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReservationRepository reservationRepository() {
        return new InMemoryReservationRepository();
    }

    @Bean
    KeyedLocks reservationLocks() {
        return new KeyedLocks();
    }

    @Bean
    PlaceReservationUseCase placeReservationUseCase(
            ReservationRepository repository, ReservationPublisher publisher, Clock clock, KeyedLocks locks) {
        return new PlaceReservationService(repository, publisher, clock, locks);
    }

    @Bean
    CancelReservationUseCase cancelReservationUseCase(
            ReservationRepository repository, ReservationPublisher publisher, Clock clock, KeyedLocks locks) {
        return new CancelReservationService(repository, publisher, clock, locks);
    }

    @Bean
    ApplyReservationEventUseCase applyReservationEventUseCase(ReservationRepository repository, KeyedLocks locks) {
        return new ApplyReservationEventService(repository, locks);
    }

    @Bean
    FindReservationQuery findReservationQuery(ReservationRepository repository) {
        return new FindReservationService(repository);
    }

    @Bean
    ListReservationsQuery listReservationsQuery(ReservationRepository repository) {
        return new ListReservationsService(repository);
    }
}
