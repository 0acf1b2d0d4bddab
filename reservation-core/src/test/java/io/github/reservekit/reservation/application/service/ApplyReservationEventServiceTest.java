package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.NOW;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_2;
import static io.github.reservekit.reservation.testing.ReservationFixtures.details;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fold of CONTRACT.md section 4.4, one test per rule: only what is in the records decides. */
class ApplyReservationEventServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InMemoryReservationRepository repository = new InMemoryReservationRepository();
    private final ApplyReservationEventService fold = new ApplyReservationEventService(repository);

    private FoldDecision appendedAt(Instant recordedAt, ReservationEvent event) {
        return fold.apply(new ApplyReservationEventCommand(event, recordedAt));
    }

    private FoldDecision appendedAt(Instant recordedAt, ReservationEvent event, int partition) {
        return fold.apply(new ApplyReservationEventCommand(event, recordedAt, partition));
    }

    /** A version 2 placement handed to the log at {@code NOW}, so confirmBy = NOW + 5 s. */
    private static ReservationPlaced placed(ResourceId resource, TimeSlot slot, Optional<IdempotencyKey> key) {
        return placed(resource, slot, key, Optional.of(NOW.plus(TIMEOUT)));
    }

    /** A version 2 placement handed to the log at {@code NOW} that must be confirmed by {@code confirmBy}. */
    private static ReservationPlaced placedConfirmBy(ResourceId resource, TimeSlot slot, Instant confirmBy) {
        return placed(resource, slot, Optional.empty(), Optional.of(confirmBy));
    }

    /** A placement of one unit handed to the log at {@code NOW}; no {@code confirmBy}: as version 1 wrote them. */
    private static ReservationPlaced placed(
            ResourceId resource, TimeSlot slot, Optional<IdempotencyKey> key, Optional<Instant> confirmBy) {
        return placement(ReservationId.random(), details(resource, slot), key, confirmBy, Optional.empty(), 1);
    }

    /** A placement handed to the log at {@code NOW}, by no known principal. */
    private static ReservationPlaced placement(
            ReservationId id,
            ReservationDetails details,
            Optional<IdempotencyKey> key,
            Optional<Instant> confirmBy,
            Optional<Duration> holdFor,
            int units) {
        return new ReservationPlaced(
                UUID.randomUUID(), NOW, id, details, key, confirmBy, holdFor, units, Optional.empty());
    }

    private static ReservationPlaced placed(ResourceId resource, TimeSlot slot) {
        return placed(resource, slot, Optional.empty());
    }

    private static ReservationCancelled cancelled(ReservationPlaced placed, Optional<Instant> confirmBy) {
        return cancelled(placed, confirmBy, Optional.empty());
    }

    /** A cancellation of what {@code placed} made, handed to the log at {@code NOW}; {@code ifVersion}: If-Match. */
    private static ReservationCancelled cancelled(
            ReservationPlaced placed, Optional<Instant> confirmBy, Optional<Long> ifVersion) {
        return new ReservationCancelled(
                UUID.randomUUID(), NOW, placed.reservationId(), placed.resourceId(), confirmBy, ifVersion);
    }

    /** Asserts the fold rejects {@code placement} for {@code reason}, carrying what {@code standing} made. */
    private void assertRejected(
            ReservationPlaced placement, ReservationRejected.Reason reason, ReservationPlaced standing) {
        assertThat(appendedAt(inTime(), placement))
                .isEqualTo(new FoldDecision.Rejected(
                        reason, repository.findById(standing.reservationId()).orElseThrow()));
    }

    private static Instant inTime() {
        return NOW.plusMillis(3);
    }

    @Test
    void rule_4_a_placement_appended_after_its_confirm_by_is_void_and_changes_nothing() {
        // Appended exactly at confirmBy is still in time.
        var justInTime = placed(TABLE_1, slot(24, 2));
        assertThat(appendedAt(NOW.plus(TIMEOUT), justInTime)).isInstanceOf(FoldDecision.Confirmed.class);

        var late = placed(TABLE_1, slot(30, 2));
        assertThat(appendedAt(NOW.plus(TIMEOUT).plusMillis(1), late)).isInstanceOf(FoldDecision.Voided.class);
        assertThat(repository.findByResource(TABLE_1))
                .extracting(r -> r.id())
                .containsExactly(justInTime.reservationId());
    }

    @Test
    void rule_2_a_partitions_time_never_steps_back_so_a_record_stamped_earlier_than_one_before_it_is_as_late() {
        // A leader whose clock is behind appends after one whose clock was ahead: the later record carries an earlier
        // timestamp. Its time is the partition's time so far, so it is late for every reader alike.
        var ahead = placed(TABLE_2, slot(24, 2));
        assertThat(appendedAt(NOW.plus(TIMEOUT), ahead, 0)).isInstanceOf(FoldDecision.Confirmed.class);
        var nextOne = placedConfirmBy(TABLE_1, slot(24, 2), NOW.plus(TIMEOUT).minusMillis(1));

        assertThat(appendedAt(inTime(), nextOne, 0)).isInstanceOf(FoldDecision.Voided.class);
        // Each partition has its own time: the same stamps in another partition are in time.
        var elsewhere = placedConfirmBy(TABLE_1, slot(30, 2), NOW.plus(TIMEOUT).minusMillis(1));
        assertThat(appendedAt(inTime(), elsewhere, 1)).isInstanceOf(FoldDecision.Confirmed.class);
    }

    @Test
    void rule_3_a_copy_of_an_event_already_applied_changes_nothing() {
        var event = placed(TABLE_1, slot(24, 2));
        appendedAt(inTime(), event);
        var cancel = cancelled(event, Optional.of(NOW.plus(TIMEOUT)));
        assertThat(appendedAt(inTime(), cancel)).isInstanceOf(FoldDecision.Cancelled.class);

        // The idempotent producer appended the batch twice across an epoch bump: the same ce_id again.
        assertThat(appendedAt(inTime(), cancel))
                .isInstanceOfSatisfying(
                        FoldDecision.Unchanged.class,
                        unchanged -> assertThat(unchanged.why()).contains("rule 3"));
        assertThat(appendedAt(inTime(), event))
                .isInstanceOfSatisfying(
                        FoldDecision.Unchanged.class,
                        unchanged -> assertThat(unchanged.why()).contains("rule 3"));
    }

    @Test
    void rule_3_a_placement_of_an_id_already_placed_changes_nothing_even_when_the_first_was_rejected() {
        var first = placed(TABLE_1, slot(24, 2));
        appendedAt(inTime(), first);
        var again = placement(
                first.reservationId(),
                details(TABLE_1, slot(48, 2)),
                Optional.empty(),
                first.confirmBy(),
                Optional.empty(),
                1);
        assertThat(appendedAt(inTime(), again)).isInstanceOf(FoldDecision.Unchanged.class);

        var loser = placed(TABLE_1, slot(25, 2));
        assertThat(appendedAt(inTime(), loser)).isInstanceOf(FoldDecision.Rejected.class);
        appendedAt(inTime(), cancelled(first, Optional.of(NOW.plus(TIMEOUT))));
        // The slot is free now, but the rejected id was placed before: its second record changes nothing.
        assertThat(appendedAt(inTime(), loser)).isInstanceOf(FoldDecision.Unchanged.class);
        assertThat(repository.findById(loser.reservationId())).isEmpty();
    }

    @Test
    void rule_6_a_second_placement_with_a_key_the_resource_already_holds_is_a_duplicate_of_the_first() {
        var key = Optional.of(new IdempotencyKey("order-42"));
        var first = placed(TABLE_1, slot(24, 2), key);
        var retry = placed(TABLE_1, slot(24, 2), key);
        var otherResource = placed(TABLE_2, slot(24, 2), key);

        appendedAt(inTime(), first);

        assertRejected(retry, ReservationRejected.Reason.DUPLICATE, first);
        // A key is scoped to its resource.
        assertThat(appendedAt(inTime(), otherResource)).isInstanceOf(FoldDecision.Confirmed.class);
        assertThat(repository.findByResource(TABLE_1)).hasSize(1);
    }

    @Test
    void rule_6_a_placement_overlapping_a_confirmed_reservation_is_rejected_and_the_earlier_stands() {
        var winner = placed(TABLE_1, slot(24, 2));
        var loser = placed(TABLE_1, slot(25, 2));
        var backToBack = placed(TABLE_1, slot(26, 1));

        appendedAt(inTime(), winner);

        assertRejected(loser, ReservationRejected.Reason.OVERLAP, winner);
        assertThat(appendedAt(inTime(), backToBack)).isInstanceOf(FoldDecision.Confirmed.class);
        assertThat(repository.findByResource(TABLE_1))
                .extracting(reservation -> reservation.id())
                .containsExactly(winner.reservationId(), backToBack.reservationId());
    }

    @Test
    void rule_6_otherwise_a_placement_makes_a_confirmed_reservation() {
        var event = placed(TABLE_1, slot(24, 2));

        var decision = appendedAt(inTime(), event);

        assertThat(decision).isInstanceOfSatisfying(FoldDecision.Confirmed.class, confirmed -> {
            assertThat(confirmed.reservation().id()).isEqualTo(event.reservationId());
            assertThat(confirmed.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        });
        assertThat(repository.findById(event.reservationId())).isPresent();
    }

    @Test
    void rule_8_a_cancellation_cancels_a_confirmed_reservation_unless_late_and_changes_nothing_for_any_other() {
        var event = placed(TABLE_1, slot(24, 2));
        appendedAt(inTime(), event);
        var other = placed(TABLE_1, slot(30, 2));
        appendedAt(inTime(), other);

        var cancel = cancelled(event, Optional.of(NOW.plus(TIMEOUT)));
        assertThat(appendedAt(inTime(), cancel)).isInstanceOf(FoldDecision.Cancelled.class);
        assertThat(appendedAt(inTime(), cancelled(event, Optional.empty()))).isInstanceOf(FoldDecision.Unchanged.class);
        var unknown = cancelled(placed(TABLE_1, slot(40, 1)), Optional.empty());
        assertThat(appendedAt(inTime(), unknown)).isInstanceOf(FoldDecision.Unchanged.class);
        // The freed slot can be booked again.
        assertThat(appendedAt(inTime(), placed(TABLE_1, slot(24, 2)))).isInstanceOf(FoldDecision.Confirmed.class);

        var late = cancelled(other, Optional.of(NOW.plus(TIMEOUT)));
        assertThat(appendedAt(NOW.plus(TIMEOUT).plusSeconds(1), late)).isInstanceOf(FoldDecision.Voided.class);
        assertThat(repository.findById(other.reservationId()).orElseThrow().status())
                .isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void rule_5_a_write_carrying_a_version_the_reservation_no_longer_has_is_rejected_as_stale() {
        var event = placed(TABLE_1, slot(24, 2));
        appendedAt(inTime(), event);
        var placedOne = repository.findById(event.reservationId()).orElseThrow();
        assertThat(placedOne.version()).isEqualTo(1);

        var fromAnOldRead = cancelled(event, Optional.of(NOW.plus(TIMEOUT)), Optional.of(7L));
        assertThat(appendedAt(inTime(), fromAnOldRead))
                .isEqualTo(new FoldDecision.Rejected(ReservationRejected.Reason.STALE, placedOne));

        var fromTheCurrentRead = cancelled(event, Optional.of(NOW.plus(TIMEOUT)), Optional.of(1L));
        assertThat(appendedAt(inTime(), fromTheCurrentRead))
                .isInstanceOfSatisfying(
                        FoldDecision.Cancelled.class,
                        cancelled ->
                                assertThat(cancelled.reservation().version()).isEqualTo(2));
    }

    private static ReservationPlaced hold(ResourceId resource, TimeSlot slot, Duration holdFor) {
        return placedV3(resource, slot, Optional.of(holdFor), 1);
    }

    /**
     * A version 3 placement handed to the log at {@code NOW}, so confirmBy = NOW + 5 s: a hold for {@code holdFor}
     * (empty: CONFIRMED at once) of {@code units}.
     */
    private static ReservationPlaced placedV3(
            ResourceId resource, TimeSlot slot, Optional<Duration> holdFor, int units) {
        return placement(
                ReservationId.random(),
                details(resource, slot),
                Optional.empty(),
                Optional.of(NOW.plus(TIMEOUT)),
                holdFor,
                units);
    }

    private static ReservationConfirmed confirmation(ReservationPlaced placed) {
        return new ReservationConfirmed(
                UUID.randomUUID(),
                NOW,
                placed.reservationId(),
                placed.resourceId(),
                Optional.of(NOW.plus(Duration.ofHours(1))),
                Optional.empty());
    }

    @Test
    void rule_6_a_hold_is_held_from_its_record_time_for_hold_for_and_then_stops_counting_with_no_event() {
        var held = hold(TABLE_1, slot(24, 2), Duration.ofMinutes(10));
        var heldAt = inTime();

        assertThat(appendedAt(heldAt, held)).isInstanceOfSatisfying(FoldDecision.Confirmed.class, made -> {
            assertThat(made.reservation().status()).isEqualTo(ReservationStatus.HELD);
            assertThat(made.reservation().holdExpiresAt()).contains(heldAt.plus(Duration.ofMinutes(10)));
        });
        var racer = placedConfirmBy(TABLE_1, slot(24, 2), NOW.plus(Duration.ofHours(1)));
        assertThat(appendedAt(heldAt.plus(Duration.ofMinutes(9)), racer))
                .as("a hold counts until it expires")
                .isInstanceOf(FoldDecision.Rejected.class);
        var after = placedConfirmBy(TABLE_1, slot(24, 2), NOW.plus(Duration.ofHours(1)));
        assertThat(appendedAt(heldAt.plus(Duration.ofMinutes(10)), after))
                .as("appended at its expiry: the hold no longer counts")
                .isInstanceOf(FoldDecision.Confirmed.class);
    }

    @Test
    void rule_7_a_confirmation_before_the_hold_expires_confirms_it_and_at_or_after_it_is_rejected_as_expired() {
        var early = hold(TABLE_1, slot(24, 2), Duration.ofMinutes(10));
        var late = hold(TABLE_2, slot(24, 2), Duration.ofMinutes(10));
        appendedAt(inTime(), early);
        appendedAt(inTime(), late);

        var confirmed = appendedAt(inTime().plus(Duration.ofMinutes(9)), confirmation(early));
        var tooLate = appendedAt(inTime().plus(Duration.ofMinutes(10)), confirmation(late));

        assertThat(confirmed).isInstanceOfSatisfying(FoldDecision.Confirmed.class, made -> {
            assertThat(made.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(made.reservation().version()).isEqualTo(2);
        });
        assertThat(tooLate)
                .isInstanceOfSatisfying(
                        FoldDecision.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.EXPIRED));
        assertThat(appendedAt(inTime().plus(Duration.ofMinutes(11)), confirmation(early)))
                .as("confirming a CONFIRMED reservation changes nothing")
                .isInstanceOf(FoldDecision.Unchanged.class);
        // A confirmed hold counts until a day after its end, long after the hold would have expired.
        var racer = placedConfirmBy(TABLE_1, slot(24, 2), NOW.plus(Duration.ofHours(1)));
        assertThat(appendedAt(inTime().plus(Duration.ofMinutes(30)), racer)).isInstanceOf(FoldDecision.Rejected.class);
    }

    @Test
    void rule_8_a_hold_can_be_cancelled_until_it_expires_and_a_cancelled_one_cannot_be_confirmed() {
        var held = hold(TABLE_1, slot(24, 2), Duration.ofMinutes(10));
        appendedAt(inTime(), held);

        assertThat(appendedAt(inTime(), cancelled(held, Optional.of(NOW.plus(TIMEOUT)))))
                .isInstanceOf(FoldDecision.Cancelled.class);
        assertThat(appendedAt(inTime(), confirmation(held)))
                .isInstanceOfSatisfying(
                        FoldDecision.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.NOT_HELD));
        assertThat(appendedAt(inTime(), placed(TABLE_1, slot(24, 2)))).isInstanceOf(FoldDecision.Confirmed.class);
    }

    private static ReservationRescheduled move(ReservationPlaced placed, TimeSlot to, int units) {
        return new ReservationRescheduled(
                UUID.randomUUID(),
                NOW,
                placed.reservationId(),
                placed.resourceId(),
                to,
                units,
                Optional.of(NOW.plus(TIMEOUT)),
                Optional.empty());
    }

    @Test
    void rule_9_a_move_takes_the_new_slot_when_it_fits_with_the_old_one_left_out_or_stays_exactly_as_it_was() {
        var dinner = placed(TABLE_1, slot(24, 2)); // [24, 26)
        var later = placed(TABLE_1, slot(27, 2)); // [27, 29)
        appendedAt(inTime(), dinner);
        appendedAt(inTime(), later);

        var overlapsItself = appendedAt(inTime(), move(dinner, slot(25, 2), 1)); // [25, 27): only its own old slot
        var intoLater = appendedAt(inTime(), move(dinner, slot(26, 2), 1)); // [26, 28): later is in the way
        var tooBig = appendedAt(inTime(), move(later, slot(27, 2), 2)); // 2 units of a resource of 1

        assertThat(overlapsItself).isInstanceOfSatisfying(FoldDecision.Moved.class, moved -> {
            assertThat(moved.reservation().slot()).isEqualTo(slot(25, 2));
            assertThat(moved.reservation().version()).isEqualTo(2);
        });
        assertThat(intoLater).isInstanceOfSatisfying(FoldDecision.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.OVERLAP);
            assertThat(rejected.standing().id()).isEqualTo(later.reservationId());
        });
        assertThat(tooBig).isInstanceOfSatisfying(FoldDecision.ResourceRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ReservationRejected.Reason.CAPACITY);
            assertThat(refused.units())
                    .as("the units asked for, with nothing else in the way")
                    .isEqualTo(2);
        });
        assertThat(repository.findById(dinner.reservationId()).orElseThrow().slot())
                .isEqualTo(slot(25, 2));
        assertThat(repository.findByResource(TABLE_1))
                .extracting(r -> r.slot())
                .as("each reservation once, in order of its (new) start")
                .containsExactly(slot(25, 2), slot(27, 2));
        // The old slot is free, the new one taken.
        assertThat(appendedAt(inTime(), placed(TABLE_1, slot(24, 1)))).isInstanceOf(FoldDecision.Confirmed.class);
        assertThat(appendedAt(inTime(), placed(TABLE_1, slot(26, 1)))).isInstanceOf(FoldDecision.Rejected.class);
    }

    private static ResourceDefined defined(ResourceId resource, int capacity, Optional<Long> ifVersion) {
        return new ResourceDefined(
                UUID.randomUUID(),
                NOW,
                resource,
                capacity,
                Optional.of("long table"),
                Optional.of(NOW.plus(TIMEOUT)),
                ifVersion);
    }

    private static ReservationPlaced placed(ResourceId resource, TimeSlot slot, int units) {
        return placedV3(resource, slot, Optional.empty(), units);
    }

    @Test
    void rule_6_with_a_capacity_placements_fit_while_their_units_fit_at_every_instant() {
        appendedAt(inTime(), defined(TABLE_1, 3, Optional.empty()));
        var first = placed(TABLE_1, slot(24, 2), 1); // [24, 26)
        var second = placed(TABLE_1, slot(25, 2), 1); // [25, 27)
        var third = placed(TABLE_1, slot(25, 1), 1); // [25, 26): 3 units there

        assertThat(List.of(first, second, third))
                .allSatisfy(placement ->
                        assertThat(appendedAt(inTime(), placement)).isInstanceOf(FoldDecision.Confirmed.class));
        assertThat(appendedAt(inTime(), placed(TABLE_1, slot(25, 1), 1)))
                .as("a fourth unit at 25:00 is one too many")
                .isInstanceOfSatisfying(
                        FoldDecision.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.OVERLAP));
        assertThat(appendedAt(inTime(), placed(TABLE_1, slot(26, 1), 2)))
                .as("at 26:00 only `second` takes a unit: two more fit")
                .isInstanceOf(FoldDecision.Confirmed.class);
        assertThat(appendedAt(inTime(), placed(TABLE_2, slot(24, 1), 4)))
                .as("4 units of a resource nobody defined (1 unit)")
                .isInstanceOfSatisfying(
                        FoldDecision.ResourceRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReservationRejected.Reason.CAPACITY));
    }

    @Test
    void rule_10_a_capacity_applies_when_what_counts_fits_it_from_then_on_and_is_rejected_naming_where_not() {
        assertThat(fold.resource(TABLE_1).capacity())
                .as("never defined: one unit")
                .isEqualTo(1);
        appendedAt(inTime(), defined(TABLE_1, 3, Optional.empty()));
        appendedAt(inTime(), placed(TABLE_1, slot(24, 2), 1)); // [24, 26)
        appendedAt(inTime(), placed(TABLE_1, slot(25, 2), 1)); // [25, 27): 2 units at [25, 26)

        var tooSmall = appendedAt(inTime(), defined(TABLE_1, 1, Optional.empty()));
        var stale = appendedAt(inTime(), defined(TABLE_1, 5, Optional.of(7L)));
        var enough = appendedAt(inTime(), defined(TABLE_1, 2, Optional.of(1L)));
        var thirdUnit = appendedAt(inTime(), placed(TABLE_1, slot(25, 1), 1));
        var fitsButLate = appendedAt(NOW.plus(TIMEOUT).plusMillis(1), defined(TABLE_1, 5, Optional.empty()));

        assertThat(tooSmall).isInstanceOfSatisfying(FoldDecision.ResourceRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ReservationRejected.Reason.CAPACITY);
            assertThat(refused.at()).isEqualTo(slot(25, 1).startsAt());
            assertThat(refused.units()).isEqualTo(2);
        });
        assertThat(stale)
                .isInstanceOfSatisfying(
                        FoldDecision.ResourceRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReservationRejected.Reason.STALE));
        assertThat(fitsButLate).isInstanceOf(FoldDecision.Voided.class);
        assertThat(enough).isInstanceOfSatisfying(FoldDecision.Defined.class, done -> {
            assertThat(done.resource().capacity()).isEqualTo(2);
            assertThat(done.resource().version()).isEqualTo(2);
            assertThat(done.resource().name()).contains("long table");
        });
        assertThat(thirdUnit)
                .as("the new capacity applies to every later event")
                .isInstanceOf(FoldDecision.Rejected.class);
    }

    @Test
    void rule_11_a_rejected_event_changes_nothing() {
        var winner = placed(TABLE_1, slot(24, 2));
        appendedAt(inTime(), winner);
        var report = new ReservationRejected(
                UUID.randomUUID(),
                NOW,
                winner.reservationId(),
                TABLE_1,
                ReservationRejected.Reason.OVERLAP,
                Optional.of(ReservationId.random()));

        assertThat(appendedAt(inTime(), report)).isInstanceOf(FoldDecision.Unchanged.class);
        assertThat(repository.findById(winner.reservationId()).orElseThrow().isConfirmed())
                .isTrue();
    }

    @Test
    void version_1_events_without_confirm_by_are_never_void_and_replay_with_version_2_events_to_one_state() {
        var v1 = placed(TABLE_1, slot(24, 2), Optional.empty(), Optional.empty());
        var v2Overlapping = placed(TABLE_1, slot(25, 2));
        var v1Cancel = cancelled(v1, Optional.empty());
        var v2After = placed(TABLE_1, slot(25, 2));
        List<ReservationEvent> log = List.of(v1, v2Overlapping, v1Cancel, v2After);
        // Hours after their confirmBy, yet before the slot ends: a reservation is forgotten only a day after its end.
        var veryLate = NOW.plus(Duration.ofHours(12));

        var decisions = new ArrayList<Class<?>>();
        for (ReservationEvent event : log) {
            // v2After in a partition of its own: in one partition no record is stamped earlier than one before it.
            decisions.add(appendedAt(event == v2After ? inTime() : veryLate, event, event == v2After ? 1 : 0)
                    .getClass());
        }

        assertThat(decisions)
                .containsExactly(
                        FoldDecision.Confirmed.class, // v1: no confirmBy, so never void however late
                        FoldDecision.Voided.class, // v2 appended after its confirmBy
                        FoldDecision.Cancelled.class,
                        FoldDecision.Confirmed.class);
        var replica = new ApplyReservationEventService(new InMemoryReservationRepository());
        var replayed = new ArrayList<Class<?>>();
        for (ReservationEvent event : log) {
            replayed.add(replica.apply(new ApplyReservationEventCommand(
                            event, event == v2After ? inTime() : veryLate, event == v2After ? 1 : 0))
                    .getClass());
        }
        assertThat(replayed).isEqualTo(decisions);
    }
}
