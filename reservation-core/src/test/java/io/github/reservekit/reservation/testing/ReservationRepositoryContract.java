package io.github.reservekit.reservation.testing;

import static io.github.reservekit.reservation.testing.ReservationFixtures.clock;
import static io.github.reservekit.reservation.testing.ReservationFixtures.details;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReservationRepository} must do. An implementation's test extends this class. */
public abstract class ReservationRepositoryContract {

    private ReservationRepository repository;

    /** A new, empty repository. */
    protected abstract ReservationRepository newRepository();

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    private static Reservation reservation(ResourceId resource, TimeSlot slot, Optional<IdempotencyKey> key) {
        return Reservation.placed(Reservation.place(details(resource, slot), key, List.of(), clock()));
    }

    private static Reservation reservation(ResourceId resource, TimeSlot slot) {
        return reservation(resource, slot, Optional.empty());
    }

    /** Saves each of {@code reservations}, in this order. */
    private void save(Reservation... reservations) {
        for (var reservation : reservations) {
            repository.save(reservation);
        }
    }

    @Test
    void a_saved_reservation_is_found_by_id() {
        var saved = reservation(ReservationFixtures.TABLE_1, slot(24, 2));

        repository.save(saved);

        assertThat(repository.findById(saved.id())).contains(saved);
    }

    @Test
    void count_counts_each_reservation_once_whatever_its_status() {
        var confirmed = reservation(ReservationFixtures.TABLE_1, slot(24, 2));
        save(
                confirmed,
                reservation(ReservationFixtures.TABLE_2, slot(24, 2)),
                confirmed.apply(confirmed.cancel(clock())));

        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void a_resource_is_read_in_order_of_start_from_an_instant_on() {
        var late = reservation(ReservationFixtures.TABLE_1, slot(30, 2));
        var early = reservation(ReservationFixtures.TABLE_1, slot(20, 2));
        var middle = reservation(ReservationFixtures.TABLE_1, slot(25, 2));
        save(late, early, middle, reservation(ReservationFixtures.TABLE_2, slot(26, 2)));

        assertThat(repository.findByResourceStartingFrom(
                        ReservationFixtures.TABLE_1, middle.slot().startsAt()))
                .containsExactly(middle, late);
        assertThat(repository.findByResourceStartingFrom(new ResourceId("nothing-here"), ReservationFixtures.NOW))
                .isEmpty();
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(repository.findById(ReservationId.random())).isEmpty();
        assertThat(repository.findByResource(new ResourceId("nothing-here"))).isEmpty();
        assertThat(repository.findByIdempotencyKey(ReservationFixtures.TABLE_1, new IdempotencyKey("unknown")))
                .isEmpty();
    }

    @Test
    void saving_again_replaces_the_reservation() {
        var confirmed = reservation(ReservationFixtures.TABLE_1, slot(24, 2));
        repository.save(confirmed);
        var cancelled = confirmed.apply(confirmed.cancel(clock()));

        repository.save(cancelled);

        assertThat(repository.findById(confirmed.id())).contains(cancelled);
        assertThat(repository.findByResource(ReservationFixtures.TABLE_1)).containsExactly(cancelled);
    }

    @Test
    void a_resource_lists_only_its_own_reservations_ordered_by_start() {
        var late = reservation(ReservationFixtures.TABLE_1, slot(48, 2));
        var early = reservation(ReservationFixtures.TABLE_1, slot(24, 2));
        var other = reservation(ReservationFixtures.TABLE_2, slot(30, 2));
        save(late, other, early);

        assertThat(repository.findByResource(ReservationFixtures.TABLE_1)).containsExactly(early, late);
        assertThat(repository.findByResource(ReservationFixtures.TABLE_2)).containsExactly(other);
    }

    @Test
    void a_reservation_is_found_by_its_idempotency_key_within_its_resource_only() {
        var key = new IdempotencyKey("order-42");
        var keyed = reservation(ReservationFixtures.TABLE_1, slot(24, 2), Optional.of(key));
        save(keyed, reservation(ReservationFixtures.TABLE_1, slot(30, 2)));

        assertThat(repository.findByIdempotencyKey(ReservationFixtures.TABLE_1, key))
                .contains(keyed);
        assertThat(repository.findByIdempotencyKey(ReservationFixtures.TABLE_2, key))
                .isEmpty();
    }

    @Test
    void concurrent_saves_of_different_reservations_are_all_kept() throws Exception {
        var reservations = new ArrayList<Reservation>();
        for (int i = 0; i < 200; i++) {
            reservations.add(reservation(new ResourceId("room-" + (i % 7)), slot(24 + i, 1)));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<?>>();
            for (var reservation : reservations) {
                futures.add(pool.submit(() -> repository.save(reservation)));
            }
            for (var future : futures) {
                future.get();
            }
        }

        for (var reservation : reservations) {
            assertThat(repository.findById(reservation.id())).contains(reservation);
        }
        assertThat(repository.findByResource(new ResourceId("room-0"))).hasSize(29);
        assertThat(repository.count()).isEqualTo(200);
    }
}
