package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_2;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlaceReservationServiceTest {

    private final InMemoryReservationRepository repository = new InMemoryReservationRepository();
    private final RecordingReservationPublisher publisher = new RecordingReservationPublisher();
    private final ReservationApplication services = ReservationApplication.builder()
            .repository(repository)
            .publisher(publisher)
            .clock(ReservationFixtures.clock())
            .settings(ReservationSettings.DEFAULTS
                    .withPublishTimeout(Duration.ofSeconds(5))
                    .withClockSkewMargin(Duration.ZERO))
            .build();
    private final PlaceReservationUseCase service = services;

    @Test
    void a_placed_reservation_is_confirmed_kept_and_published_with_the_same_facts() {
        var reservation = service.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(repository.findById(reservation.id())).contains(reservation);
        assertThat(publisher.published())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReservationPlaced.class,
                        placed -> assertThat(Reservation.placed(placed)).isEqualTo(reservation));
    }

    @Test
    void an_overlapping_slot_is_rejected_and_publishes_nothing() {
        var holder = service.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThatThrownBy(() -> service.place(placeCommand(TABLE_1, slot(25, 2))))
                .isInstanceOfSatisfying(
                        ReservationConflictException.class,
                        conflict ->
                                assertThat(conflict.conflictingReservationId()).isEqualTo(holder.id()));
        assertThat(publisher.published()).hasSize(1);
        assertThat(repository.findByResource(TABLE_1)).containsExactly(holder);
    }

    @Test
    void the_same_slot_of_another_resource_is_free() {
        service.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(service.place(placeCommand(TABLE_2, slot(24, 2))).resourceId())
                .isEqualTo(TABLE_2);
    }

    @Test
    void a_slot_in_the_past_is_rejected_and_publishes_nothing() {
        assertThatThrownBy(() -> service.place(placeCommand(TABLE_1, slot(-1, 2))))
                .isInstanceOf(InvalidReservationException.class);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void when_publishing_fails_nothing_is_kept_and_the_same_request_succeeds_later() {
        publisher.failWith(true);
        var command = placeCommand(TABLE_1, slot(24, 2), "order-42");

        assertThatThrownBy(() -> service.place(command))
                .isInstanceOfSatisfying(
                        PublicationFailedException.class,
                        failed -> assertThat(failed.retriable()).isTrue());
        assertThat(repository.findByResource(TABLE_1)).isEmpty();
        assertThat(repository.count()).isZero();

        publisher.recover();
        var reservation = service.place(command);
        assertThat(repository.findByResource(TABLE_1)).containsExactly(reservation);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void a_non_retriable_publish_failure_reaches_the_caller_as_such() {
        publisher.failWith(false);

        assertThatThrownBy(() -> service.place(placeCommand(TABLE_1, slot(24, 2))))
                .isInstanceOfSatisfying(
                        PublicationFailedException.class,
                        failed -> assertThat(failed.retriable()).isFalse());
        assertThat(repository.count()).isZero();
    }

    @Test
    void the_same_idempotency_key_and_details_return_the_same_reservation_without_a_second_event() {
        var first = service.place(placeCommand(TABLE_1, slot(24, 2), "order-42"));

        var retry = service.place(placeCommand(TABLE_1, slot(24, 2), "order-42"));

        assertThat(retry).isEqualTo(first);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_other_details_is_rejected_and_publishes_nothing() {
        var first = service.place(placeCommand(TABLE_1, slot(24, 2), "order-42"));

        assertThatThrownBy(() -> service.place(placeCommand(TABLE_1, slot(30, 2), "order-42")))
                .isInstanceOfSatisfying(
                        IdempotencyKeyReusedException.class,
                        reused -> assertThat(reused.existingReservationId()).isEqualTo(first.id()));
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void an_idempotency_key_is_scoped_to_its_resource_as_in_the_fold() {
        var table1 = service.place(placeCommand(TABLE_1, slot(24, 2), "order-42"));
        var table2 = service.place(placeCommand(TABLE_2, slot(24, 2), "order-42"));

        assertThat(table2.id()).isNotEqualTo(table1.id());
        assertThat(publisher.published()).hasSize(2);
    }

    @Test
    void an_idempotent_retry_after_a_cancellation_returns_the_reservation_as_it_is_now() {
        var first = service.place(placeCommand(TABLE_1, slot(24, 2), "order-42"));
        var cancelService = services;
        var cancelled = cancelService.cancel(
                new io.github.reservekit.reservation.application.port.in.CancelReservationCommand(first.id()));

        assertThat(service.place(placeCommand(TABLE_1, slot(24, 2), "order-42")))
                .isEqualTo(cancelled);
        assertThat(publisher.published()).hasSize(2);
    }

    @Test
    void of_many_threads_placing_the_same_slot_at_once_exactly_one_succeeds() throws Exception {
        int threads = 16;
        // A publish as slow as a broker round trip widens the window a missing lock would let others through.
        publisher.beforePublish(event -> java.util.concurrent.locks.LockSupport.parkNanos(2_000_000));
        var outcomes = placeConcurrently(threads, i -> placeCommand(TABLE_1, slot(24, 2)));

        var successes = outcomes.stream()
                .map(PlaceReservationServiceTest::successOrNull)
                .filter(r -> r != null)
                .toList();
        assertThat(successes).hasSize(1);
        assertThat(outcomes.stream()
                        .map(PlaceReservationServiceTest::failureOrNull)
                        .filter(f -> f != null))
                .hasSize(threads - 1)
                .allMatch(ReservationConflictException.class::isInstance);
        assertThat(repository.findByResource(TABLE_1)).containsExactlyElementsOf(successes);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void of_many_threads_retrying_one_idempotency_key_at_once_all_get_the_one_reservation() throws Exception {
        var outcomes = placeConcurrently(16, i -> placeCommand(TABLE_1, slot(24, 2), "order-42"));

        var reservations = outcomes.stream()
                .map(PlaceReservationServiceTest::successOrNull)
                .toList();
        assertThat(reservations).doesNotContainNull().containsOnly(reservations.getFirst());
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void one_idempotency_key_sent_concurrently_for_different_resources_places_one_per_resource() throws Exception {
        var outcomes = placeConcurrently(
                16,
                i -> placeCommand(
                        new io.github.reservekit.reservation.domain.ResourceId("room-" + i), slot(24, 2), "order-42"));

        assertThat(outcomes.stream()
                        .map(PlaceReservationServiceTest::successOrNull)
                        .filter(r -> r != null))
                .hasSize(16);
        assertThat(repository.count()).isEqualTo(16);
        assertThat(publisher.published()).hasSize(16);
    }

    private List<Future<Reservation>> placeConcurrently(
            int threads,
            java.util.function.IntFunction<io.github.reservekit.reservation.application.port.in.PlaceReservationCommand>
                    command)
            throws InterruptedException {
        var start = new CyclicBarrier(threads);
        var outcomes = new ArrayList<Future<Reservation>>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                var next = command.apply(i);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return service.place(next);
                }));
            }
        }
        return outcomes;
    }

    private static Reservation successOrNull(Future<Reservation> outcome) {
        return outcome.state() == Future.State.SUCCESS ? outcome.resultNow() : null;
    }

    private static Throwable failureOrNull(Future<Reservation> outcome) {
        return outcome.state() == Future.State.FAILED ? outcome.exceptionNow() : null;
    }

    @Test
    void a_slow_publish_for_one_resource_does_not_hold_up_another_resource() throws Exception {
        var table1Publishing = new CountDownLatch(1);
        var releaseTable1 = new CountDownLatch(1);
        publisher.beforePublish(event -> {
            if (event.resourceId().equals(TABLE_1)) {
                table1Publishing.countDown();
                await(releaseTable1);
            }
        });
        try (var pool = Executors.newFixedThreadPool(2)) {
            var table1 = pool.submit(() -> service.place(placeCommand(TABLE_1, slot(24, 2))));
            assertThat(table1Publishing.await(10, TimeUnit.SECONDS)).isTrue();

            var table2 = pool.submit(() -> service.place(placeCommand(TABLE_2, slot(24, 2))));

            assertThat(table2.get(10, TimeUnit.SECONDS).resourceId()).isEqualTo(TABLE_2);
            assertThat(table1.isDone()).as("table-1 is still publishing").isFalse();
            assertThat(repository.findByResource(TABLE_1))
                    .as("not confirmed before its event is published")
                    .isEmpty();
            releaseTable1.countDown();
            assertThat(table1.get(10, TimeUnit.SECONDS).resourceId()).isEqualTo(TABLE_1);
        }
    }

    @Test
    void concurrent_placements_of_many_resources_never_overlap_within_a_resource() throws Exception {
        var resources = List.of(TABLE_1, TABLE_2, new io.github.reservekit.reservation.domain.ResourceId("table-3"));
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 300; i++) {
                var resource = resources.get(i % resources.size());
                int startHour = 24 + (i * 7) % 40;
                int hours = 1 + i % 3;
                futures.add(pool.submit(() -> {
                    try {
                        service.place(placeCommand(resource, slot(startHour, hours)));
                    } catch (ReservationConflictException expected) {
                        // most of these collide on purpose
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        }

        for (var resource : resources) {
            var confirmed = repository.findByResource(resource);
            assertThat(confirmed).isNotEmpty();
            for (int a = 0; a < confirmed.size(); a++) {
                for (int b = a + 1; b < confirmed.size(); b++) {
                    assertThat(confirmed.get(a).slot().overlaps(confirmed.get(b).slot()))
                            .as("%s and %s", confirmed.get(a), confirmed.get(b))
                            .isFalse();
                }
            }
        }
        assertThat(publisher.published()).hasSize(repository.count());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
