package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.NOW;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.details;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationLog;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException.Outcome;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ReservationsUnavailableException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.testing.MutableClock;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Writers answer only from what the log's fold decided about their own event (CONTRACT.md section 3), on a log
 * that every "instance" reads: here one in-memory log, whose reader folds each record as it is appended, with the
 * broker's append time; it can be told to fail a publish before or after appending, to append late, or to be
 * unreadable.
 */
class AnswersFromTheLogTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration MARGIN = Duration.ofMillis(50);

    /** The log and its reader: appends in order, folds each record into the app with the log's time. */
    private final class FakeLog implements ReservationPublisher, ReservationLog {
        final List<ReservationEvent> appended = new CopyOnWriteArrayList<>();
        volatile Instant logTime = NOW;
        volatile boolean failBeforeAppend;
        volatile boolean failAfterAppend;
        volatile boolean readable = true;
        volatile boolean lagging;
        volatile Instant forgetUpTo;
        final List<ReservationEvent> behind = new CopyOnWriteArrayList<>();
        volatile ReservationEvent racer;

        @Override
        public void publish(ReservationEvent event) {
            var first = racer;
            if (first != null) {
                racer = null;
                append(first);
            }
            if (failBeforeAppend) {
                throw new PublicationFailedException("brokers unreachable", true);
            }
            append(event);
            if (forgetUpTo != null) {
                app.logReached(forgetUpTo); // the reader forgets what ended, before the writer reads the decision
            }
            if (failAfterAppend) {
                throw new PublicationFailedException("acknowledgement timed out", true);
            }
        }

        void append(ReservationEvent event) {
            appended.add(event);
            if (lagging) {
                behind.add(event); // this instance's reader has not got to it yet
            } else if (readable) {
                app.apply(new ApplyReservationEventCommand(event, logTime));
            }
        }

        @Override
        public boolean catchUp(Set<ResourceId> resources, Duration timeout) {
            if (readable && lagging) {
                lagging = false;
                behind.forEach(event -> app.apply(new ApplyReservationEventCommand(event, logTime)));
                behind.clear();
            }
            return readable;
        }
    }

    private final MutableClock clock = ReservationFixtures.clock();
    private final FakeLog log = new FakeLog();
    private final ReservationApplication app = ReservationApplication.builder()
            .publisher(log)
            .log(fold -> log)
            .clock(clock)
            .settings(ReservationSettings.DEFAULTS.withPublishTimeout(TIMEOUT).withClockSkewMargin(MARGIN))
            .build();

    /** Another instance's placement of {@code resource} at 24:00 for 2 hours. */
    private static ReservationPlaced otherInstancesPlacement(ResourceId resource) {
        return otherInstancesPlacement(resource, Optional.empty());
    }

    /** Another instance's placement of {@code resource} at 24:00 for 2 hours under {@code idempotencyKey}. */
    private static ReservationPlaced otherInstancesPlacement(ResourceId resource, String idempotencyKey) {
        return otherInstancesPlacement(resource, Optional.of(new IdempotencyKey(idempotencyKey)));
    }

    private static ReservationPlaced otherInstancesPlacement(ResourceId resource, Optional<IdempotencyKey> key) {
        return new ReservationPlaced(
                UUID.randomUUID(),
                NOW,
                ReservationId.random(),
                details(resource, slot(24, 2)),
                key,
                Optional.of(NOW.plus(TIMEOUT)),
                Optional.empty(),
                1,
                Optional.empty());
    }

    @Test
    void a_placement_the_fold_confirms_is_answered_confirmed_with_confirm_by_in_its_event() {
        var reservation = app.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(log.appended)
                .singleElement()
                .isInstanceOfSatisfying(
                        ReservationPlaced.class,
                        placed -> assertThat(placed.confirmBy()).contains(NOW.plus(TIMEOUT)));
    }

    @Test
    void when_another_instance_won_the_race_in_the_log_the_answer_is_a_conflict_naming_it_and_rejected_is_published() {
        var winner = otherInstancesPlacement(TABLE_1);
        // The other instance's event reaches the log between this writer's local check and its own append.
        log.racer = winner;

        assertThatThrownBy(() -> app.place(placeCommand(TABLE_1, slot(25, 2))))
                .isInstanceOfSatisfying(
                        ReservationConflictException.class,
                        conflict ->
                                assertThat(conflict.conflictingReservationId()).isEqualTo(winner.reservationId()));
        assertThat(app.listByResource(TABLE_1)).extracting(r -> r.id()).containsExactly(winner.reservationId());
        assertThat(log.appended).last().isInstanceOfSatisfying(ReservationRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.OVERLAP);
            assertThat(rejected.conflictingReservationId()).contains(winner.reservationId());
        });
    }

    @Test
    void a_retry_of_a_key_another_instance_already_placed_gets_that_reservation() {
        var first = otherInstancesPlacement(TABLE_1, "order-7");
        log.racer = first;

        var answer = app.place(placeCommand(TABLE_1, slot(24, 2), "order-7"));

        assertThat(answer.id()).isEqualTo(first.reservationId());
        assertThat(app.listByResource(TABLE_1)).hasSize(1);
    }

    @Test
    void a_publish_that_failed_after_its_event_was_appended_in_time_is_answered_from_the_fold_confirmed() {
        log.failAfterAppend = true;

        var reservation = app.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void an_unacknowledged_publish_whose_event_is_not_readable_after_confirm_by_and_the_margin_is_unknown() {
        log.failBeforeAppend = true;
        long started = System.nanoTime();

        assertThatThrownBy(() -> app.place(placeCommand(TABLE_1, slot(24, 2))))
                .isInstanceOfSatisfying(
                        ReservationNotConfirmedException.class,
                        notConfirmed -> assertThat(notConfirmed.outcome()).isEqualTo(Outcome.UNKNOWN));
        // It waited until confirmBy plus the margin before concluding (the log could still have appended it).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(TIMEOUT.plus(MARGIN));
        assertThat(app.listByResource(TABLE_1)).isEmpty();
    }

    @Test
    void an_event_appended_in_time_but_readable_only_after_the_writer_gave_up_is_never_answered_not_kept() {
        // Kafka: the leader appended it (its append time is early) but a crashed follower still counts as in sync,
        // so the high watermark stays below it: unreadable, while the log's end can still be read.
        var unreadable = new CopyOnWriteArrayList<ReservationEvent>();
        var readableLater = ReservationApplication.builder()
                .publisher(event -> {
                    unreadable.add(event);
                    throw new PublicationFailedException("acknowledgement timed out", true);
                })
                .log(fold -> (resources, timeout) -> true)
                .clock(clock)
                .settings(
                        ReservationSettings.DEFAULTS.withPublishTimeout(TIMEOUT).withClockSkewMargin(MARGIN))
                .build();

        var answer = catchThrowableOfType(
                ReservationNotConfirmedException.class, () -> readableLater.place(placeCommand(TABLE_1, slot(24, 2))));
        // The follower is replaced: the event becomes readable, with the append time it got before its confirmBy.
        unreadable.forEach(event -> readableLater.apply(new ApplyReservationEventCommand(event, NOW)));

        assertThat(readableLater.findById(answer.reservationId().orElseThrow()).status())
                .isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(answer.outcome())
                .as("a reservation the log goes on to confirm was not answered not-kept")
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void a_publish_refused_outright_is_not_kept_at_once() {
        var refused = ReservationApplication.builder()
                .publisher(event -> {
                    throw new PublicationFailedException("not authorised to write", false);
                })
                .log(fold -> (resources, timeout) -> true)
                .clock(clock)
                .settings(ReservationSettings.DEFAULTS
                        .withPublishTimeout(Duration.ofMinutes(1))
                        .withClockSkewMargin(MARGIN))
                .build();

        assertThatThrownBy(() -> refused.place(placeCommand(TABLE_1, slot(24, 2))))
                .isInstanceOfSatisfying(
                        ReservationNotConfirmedException.class,
                        notConfirmed -> assertThat(notConfirmed.outcome()).isEqualTo(Outcome.NOT_KEPT));
    }

    @Test
    void an_event_appended_after_its_confirm_by_is_void_so_the_answer_is_not_kept_and_rejected_late_is_published() {
        log.failAfterAppend = true;
        log.logTime = NOW.plus(TIMEOUT).plusMillis(1);

        assertThatThrownBy(() -> app.place(placeCommand(TABLE_1, slot(24, 2))))
                .isInstanceOfSatisfying(
                        ReservationNotConfirmedException.class,
                        notConfirmed -> assertThat(notConfirmed.outcome()).isEqualTo(Outcome.NOT_KEPT));
        assertThat(app.listByResource(TABLE_1)).isEmpty();
        assertThat(log.appended)
                .last()
                .isInstanceOfSatisfying(
                        ReservationRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.LATE));
    }

    @Test
    void when_the_log_cannot_be_read_the_outcome_is_unknown_and_reads_answer_unavailable() {
        log.readable = false;

        assertThatThrownBy(() -> app.place(placeCommand(TABLE_1, slot(24, 2))))
                .isInstanceOfSatisfying(
                        ReservationNotConfirmedException.class,
                        notConfirmed -> assertThat(notConfirmed.outcome()).isEqualTo(Outcome.UNKNOWN));
        assertThatThrownBy(() -> app.listByResource(TABLE_1)).isInstanceOf(ReservationsUnavailableException.class);
    }

    @Test
    void a_cancellation_the_log_voids_leaves_the_reservation_confirmed_and_answers_not_kept() {
        var reservation = app.place(placeCommand(TABLE_1, slot(24, 2)));
        log.failAfterAppend = true;
        log.logTime = NOW.plus(TIMEOUT).plusSeconds(1);

        assertThatThrownBy(() -> app.cancel(new CancelReservationCommand(reservation.id())))
                .isInstanceOfSatisfying(ReservationNotConfirmedException.class, notConfirmed -> {
                    assertThat(notConfirmed.outcome()).isEqualTo(Outcome.NOT_KEPT);
                    assertThat(notConfirmed.reservationId()).contains(reservation.id());
                });
        assertThat(app.findById(reservation.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void a_slot_taken_only_in_a_lagging_local_view_is_checked_again_after_catching_up_and_never_refused_from_it() {
        var first = app.place(placeCommand(TABLE_1, slot(24, 2)));
        // Another instance cancels it; this instance's reader has not applied that yet.
        log.lagging = true;
        log.append(new ReservationCancelled(
                UUID.randomUUID(), NOW, first.id(), TABLE_1, Optional.of(NOW.plus(TIMEOUT)), Optional.empty()));

        var second = app.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(second.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app.findById(first.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void a_retry_whose_first_placement_was_confirmed_but_not_yet_applied_here_gets_that_reservation_not_a_409() {
        var first = app.place(placeCommand(TABLE_1, slot(24, 2), "order-9"));
        var elsewhere = new ReservationPlaced(
                UUID.randomUUID(),
                NOW,
                ReservationId.random(),
                details(TABLE_1, slot(25, 2)),
                Optional.of(new IdempotencyKey("order-10")),
                Optional.of(NOW.plus(TIMEOUT)),
                Optional.empty(),
                1,
                Optional.empty());
        // Another instance cancelled the first and placed order-10, confirmed there; this instance's reader lags.
        log.lagging = true;
        log.append(new ReservationCancelled(
                UUID.randomUUID(), NOW, first.id(), TABLE_1, Optional.of(NOW.plus(TIMEOUT)), Optional.empty()));
        log.append(elsewhere);

        // The retry of order-10, for a slot that is taken in the stale view (by the first, cancelled since).
        var retry = app.place(placeCommand(TABLE_1, slot(25, 2), "order-10"));

        assertThat(retry.id()).isEqualTo(elsewhere.reservationId());
        assertThat(app.listByResource(TABLE_1))
                .filteredOn(Reservation::isConfirmed)
                .hasSize(1);
    }

    @Test
    void every_placement_carries_a_key_a_503_names_it_and_a_retry_with_it_ends_in_one_reservation() {
        log.lagging = true; // appended, acknowledged late and not readable before the writer gives up
        log.readable = false;
        log.failAfterAppend = true;

        var unknown = catchThrowableOfType(
                ReservationNotConfirmedException.class, () -> app.place(placeCommand(TABLE_1, slot(24, 2))));

        assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(unknown.idempotencyKey()).isPresent();
        assertThat(log.appended)
                .singleElement()
                .isInstanceOfSatisfying(
                        ReservationPlaced.class,
                        placed -> assertThat(placed.idempotencyKey()).isEqualTo(unknown.idempotencyKey()));
        // Kafka is back: the first event becomes readable, and the client retries with the key it was given.
        log.readable = true;
        log.failAfterAppend = false;
        var retry = app.place(placeCommand(
                TABLE_1, slot(24, 2), unknown.idempotencyKey().orElseThrow().value()));

        assertThat(unknown.reservationId()).contains(retry.id());
        assertThat(app.listByResource(TABLE_1))
                .singleElement()
                .extracting(Reservation::id)
                .isEqualTo(retry.id());
    }

    @Test
    void a_duplicate_whose_standing_reservation_leaves_memory_right_after_the_decision_still_gets_it() {
        var first = otherInstancesPlacement(TABLE_1, "order-11");
        log.racer = first;
        log.forgetUpTo = NOW.plus(Duration.ofDays(3));

        var retry = app.place(placeCommand(TABLE_1, slot(24, 2), "order-11"));

        assertThat(retry.id()).isEqualTo(first.reservationId());
    }

    @Test
    void a_conditional_cancel_from_a_read_another_instance_made_stale_is_refused_by_the_fold_itself() {
        var reservation = app.place(placeCommand(TABLE_1, slot(24, 2)));
        // Another instance's unconditional cancellation reaches the log between this instance's check and its append.
        log.racer = new ReservationCancelled(
                UUID.randomUUID(), NOW, reservation.id(), TABLE_1, Optional.of(NOW.plus(TIMEOUT)), Optional.empty());

        assertThatThrownBy(() ->
                        app.cancel(new CancelReservationCommand(reservation.id(), Optional.of(1L), Optional.empty())))
                .isInstanceOfSatisfying(ReservationChangedException.class, changed -> {
                    assertThat(changed.current().version()).isEqualTo(2);
                    assertThat(changed.current().status()).isEqualTo(ReservationStatus.CANCELLED);
                });
        assertThat(log.appended)
                .last()
                .isInstanceOfSatisfying(
                        ReservationRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.STALE));
    }

    @Test
    void a_conditional_cancel_with_a_version_already_stale_here_is_refused_before_anything_is_published() {
        var reservation = app.place(placeCommand(TABLE_1, slot(24, 2)));
        int published = log.appended.size();

        assertThatThrownBy(() ->
                        app.cancel(new CancelReservationCommand(reservation.id(), Optional.of(3L), Optional.empty())))
                .isInstanceOf(ReservationChangedException.class);
        assertThat(log.appended).hasSize(published);
        assertThat(app.cancel(new CancelReservationCommand(reservation.id(), Optional.of(1L), Optional.empty()))
                        .version())
                .isEqualTo(2);
    }

    @Test
    void cancelling_a_reservation_that_no_longer_counts_answers_what_it_is_not_a_cancellation_that_never_happened() {
        var ended = app.place(placeCommand(TABLE_1, slot(1, 1)));
        // Three days on, by this host's clock and the log's: the slot ended two days before the cancellation's record.
        clock.advance(Duration.ofDays(3));
        log.logTime = NOW.plus(Duration.ofDays(3));

        var answer = app.cancel(new CancelReservationCommand(ended.id()));

        assertThat(answer.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(answer.version()).isEqualTo(1);
    }
}
