package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.testing.MutableClock;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CancelReservationServiceTest {

    private final MutableClock clock = ReservationFixtures.clock();
    private final InMemoryReservationRepository repository = new InMemoryReservationRepository();
    private final RecordingReservationPublisher publisher = new RecordingReservationPublisher();
    private final ReservationApplication services = ReservationApplication.builder()
            .repository(repository)
            .publisher(publisher)
            .clock(clock)
            .settings(ReservationSettings.DEFAULTS
                    .withPublishTimeout(Duration.ofSeconds(5))
                    .withClockSkewMargin(Duration.ZERO))
            .build();
    private final PlaceReservationUseCase placeService = services;
    private final CancelReservationUseCase service = services;

    private Reservation placed() {
        return placeService.place(placeCommand(TABLE_1, slot(24, 2)));
    }

    @Test
    void cancelling_publishes_the_cancellation_and_keeps_the_reservation_cancelled() {
        var reservation = placed();
        clock.advance(Duration.ofMinutes(3));

        var cancelled = service.cancel(new CancelReservationCommand(reservation.id()));

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).contains(clock.instant());
        assertThat(repository.findById(reservation.id())).contains(cancelled);
        assertThat(publisher.published().getLast()).isInstanceOfSatisfying(ReservationCancelled.class, event -> {
            assertThat(reservation.apply(event)).isEqualTo(cancelled);
            assertThat(event.resourceId()).isEqualTo(TABLE_1);
        });
    }

    @Test
    void cancelling_twice_returns_the_same_and_publishes_one_event() {
        var reservation = placed();
        var first = service.cancel(new CancelReservationCommand(reservation.id()));
        clock.advance(Duration.ofMinutes(3));

        var second = service.cancel(new CancelReservationCommand(reservation.id()));

        assertThat(second).isEqualTo(first);
        assertThat(publisher.published()).hasSize(2);
    }

    @Test
    void when_publishing_the_cancellation_fails_the_reservation_stays_confirmed() {
        var reservation = placed();
        publisher.failWith(true);

        assertThatThrownBy(() -> service.cancel(new CancelReservationCommand(reservation.id())))
                .isInstanceOf(PublicationFailedException.class);

        assertThat(repository.findById(reservation.id())).contains(reservation);
        assertThatThrownBy(() -> placeService.place(placeCommand(TABLE_1, slot(24, 2))))
                .as("the slot is still held")
                .isInstanceOf(io.github.reservekit.reservation.domain.ReservationConflictException.class);
    }

    @Test
    void a_cancelled_slot_can_be_placed_again() {
        var reservation = placed();
        service.cancel(new CancelReservationCommand(reservation.id()));

        var again = placeService.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(repository.findByResource(TABLE_1))
                .extracting(Reservation::status)
                .containsExactlyInAnyOrder(ReservationStatus.CANCELLED, ReservationStatus.CONFIRMED);
        assertThat(again.id()).isNotEqualTo(reservation.id());
    }

    @Test
    void an_unknown_reservation_cannot_be_cancelled() {
        var unknown = ReservationId.random();

        assertThatThrownBy(() -> service.cancel(new CancelReservationCommand(unknown)))
                .isInstanceOfSatisfying(
                        ReservationNotFoundException.class,
                        notFound -> assertThat(notFound.reservationId()).isEqualTo(unknown));
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void concurrent_cancellations_publish_one_event() throws Exception {
        var reservation = placed();
        int threads = 8;
        var start = new CyclicBarrier(threads);
        var outcomes = new ArrayList<Future<Reservation>>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return service.cancel(new CancelReservationCommand(reservation.id()));
                }));
            }
        }

        assertThat(outcomes)
                .extracting(Future::resultNow)
                .containsOnly(repository.findById(reservation.id()).orElseThrow());
        assertThat(publisher.published()).hasSize(2);
    }
}
