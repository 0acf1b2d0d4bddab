package io.github.reservekit.micronaut;

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
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Assembles the core: one bean per use case, typed as its port (spring-app's {@code ReservationConfiguration},
 * Micronaut style). The publisher comes from the Kafka wiring.
 */
@Factory
class ReservationFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    ReservationRepository reservationRepository() {
        return new InMemoryReservationRepository();
    }

    @Singleton
    KeyedLocks reservationLocks() {
        return new KeyedLocks();
    }

    @Singleton
    PlaceReservationUseCase placeReservationUseCase(
            ReservationRepository repository, ReservationPublisher publisher, Clock clock, KeyedLocks locks) {
        return new PlaceReservationService(repository, publisher, clock, locks);
    }

    @Singleton
    CancelReservationUseCase cancelReservationUseCase(
            ReservationRepository repository, ReservationPublisher publisher, Clock clock, KeyedLocks locks) {
        return new CancelReservationService(repository, publisher, clock, locks);
    }

    /** The live view the topic listener fills. */
    @Singleton
    RecentEvents recentEvents() {
        return new RecentEvents();
    }

    @Singleton
    ApplyReservationEventUseCase applyReservationEventUseCase(ReservationRepository repository, KeyedLocks locks) {
        return new ApplyReservationEventService(repository, locks);
    }

    @Singleton
    FindReservationQuery findReservationQuery(ReservationRepository repository) {
        return new FindReservationService(repository);
    }

    @Singleton
    ListReservationsQuery listReservationsQuery(ReservationRepository repository) {
        return new ListReservationsService(repository);
    }
}
