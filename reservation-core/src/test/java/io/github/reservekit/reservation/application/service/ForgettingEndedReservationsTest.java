package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.NOW;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Memory bounded by what can still matter: a reservation leaves memory a day (of the log's record time) after its
 * slot ended, with its idempotency key, and no decision of the fold depends on when that happens.
 */
class ForgettingEndedReservationsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DAY = ApplyReservationEventService.FORGET_AFTER_END;
    private static final IdempotencyKey KEY = new IdempotencyKey("order-7");

    /** Dinner from 19:00 to 21:00 on NOW's day; it ends at {@code END}. */
    private static final TimeSlot DINNER =
            new TimeSlot(Instant.parse("2026-11-24T19:00:00Z"), Instant.parse("2026-11-24T21:00:00Z"));

    private static final Instant END = DINNER.endsAt();

    private record Recorded(Instant at, ReservationEvent event) {}

    private static ReservationPlaced placed(
            Instant handedOver, ResourceId resource, TimeSlot slot, IdempotencyKey key) {
        return new ReservationPlaced(
                UUID.randomUUID(),
                handedOver,
                ReservationId.random(),
                details(resource, slot),
                Optional.ofNullable(key),
                Optional.of(handedOver.plus(TIMEOUT)),
                Optional.empty(),
                1,
                Optional.empty());
    }

    private static ReservationCancelled cancelled(Instant handedOver, ReservationPlaced placed) {
        return new ReservationCancelled(
                UUID.randomUUID(),
                handedOver,
                placed.reservationId(),
                placed.resourceId(),
                Optional.of(handedOver.plus(TIMEOUT)),
                Optional.empty());
    }

    private static ApplyReservationEventService fold(InMemoryReservationRepository repository) {
        return new ApplyReservationEventService(repository);
    }

    @Test
    void a_reservation_stays_until_the_log_is_a_day_past_its_end_then_it_and_its_key_are_forgotten() {
        var repository = new InMemoryReservationRepository();
        var fold = fold(repository);
        var dinner = placed(NOW, TABLE_1, DINNER, KEY);
        fold.apply(new ApplyReservationEventCommand(dinner, NOW.plusMillis(3)));

        fold.logReached(END.plus(DAY).minusSeconds(1));
        assertThat(repository.findById(dinner.reservationId())).isPresent();
        assertThat(repository.findByIdempotencyKey(TABLE_1, KEY)).isPresent();

        fold.logReached(END.plus(DAY));
        assertThat(repository.findById(dinner.reservationId())).isEmpty();
        assertThat(repository.findByResource(TABLE_1)).isEmpty();
        assertThat(repository.findByIdempotencyKey(TABLE_1, KEY)).isEmpty();
        assertThat(repository.count()).isZero();
    }

    @Test
    void the_decisions_are_the_same_whether_a_reader_forgets_eagerly_or_never() {
        Instant dayAfter = END.plus(DAY).plusSeconds(60);
        var dinner = placed(NOW, TABLE_1, DINNER, KEY);
        var log = List.of(
                new Recorded(NOW.plusMillis(3), dinner),
                // Just before a day has passed: the ended dinner still counts (its key is still held).
                new Recorded(
                        END.plus(DAY).minusSeconds(1),
                        placed(END.plus(DAY).minusSeconds(2), TABLE_1, slotFrom(END.plus(DAY), 2), KEY)),
                // A day after: a slot that overlaps the dinner was written by a writer ignoring "not in the past".
                new Recorded(dayAfter, placed(dayAfter, TABLE_1, DINNER, null)),
                // The key is free again, the dinner can no longer be cancelled.
                new Recorded(dayAfter, placed(dayAfter, TABLE_1, slotFrom(dayAfter.plus(DAY), 2), KEY)),
                new Recorded(dayAfter, cancelled(dayAfter, dinner)));

        var eager = fold(new InMemoryReservationRepository());
        var never = fold(new InMemoryReservationRepository());
        var eagerDecisions = new ArrayList<Class<?>>();
        var neverDecisions = new ArrayList<Class<?>>();
        for (Recorded record : log) {
            eager.logReached(record.at()); // as soon as allowed: nothing still to come is recorded earlier
            eagerDecisions.add(eager.apply(new ApplyReservationEventCommand(record.event(), record.at()))
                    .getClass());
            neverDecisions.add(never.apply(new ApplyReservationEventCommand(record.event(), record.at()))
                    .getClass());
        }

        assertThat(eagerDecisions)
                .isEqualTo(neverDecisions)
                .containsExactly(
                        FoldDecision.Confirmed.class,
                        FoldDecision.Rejected.class, // duplicate: the key is still held
                        FoldDecision.Voided.class, // ended a day before it was recorded
                        FoldDecision.Confirmed.class, // the key was forgotten with the dinner
                        FoldDecision.Unchanged.class); // the dinner no longer counts
    }

    private static TimeSlot slotFrom(Instant start, int hours) {
        return new TimeSlot(start, start.plus(Duration.ofHours(hours)));
    }
}
