package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationCommand;
import io.github.reservekit.reservation.application.port.out.ReservationLog;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.testing.MutableClock;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code reservekit.owner-only}: the principal who placed a reservation is recorded on its placed event, and with the
 * setting on only that principal may cancel, confirm or move it; the writer refuses anyone else before it publishes.
 */
class OwnerOnlyTest {

    private static final Optional<PrincipalName> ADA = Optional.of(new PrincipalName("ada"));
    private static final Optional<PrincipalName> BOB = Optional.of(new PrincipalName("bob"));

    private final MutableClock clock = ReservationFixtures.clock();
    private final RecordingReservationPublisher publisher = new RecordingReservationPublisher();

    private ReservationApplication app(boolean ownerOnly) {
        return ReservationApplication.builder()
                .publisher(publisher)
                .clock(clock)
                .settings(ownerOnly(ownerOnly))
                .build();
    }

    /** The default settings with owner-only on or off, and no clock skew: the fixtures' clock is the log's. */
    private static ReservationSettings ownerOnly(boolean ownerOnly) {
        return ReservationSettings.DEFAULTS.withClockSkewMargin(Duration.ZERO).withOwnerOnly(ownerOnly);
    }

    private static PlaceReservationCommand by(Optional<PrincipalName> principal) {
        return placeCommand(TABLE_1, slot(24, 2)).withPlacedBy(principal);
    }

    private static PlaceReservationCommand holdBy(Optional<PrincipalName> principal) {
        var command = placeCommand(TABLE_1, slot(24, 2));
        return new PlaceReservationCommand(
                command.details(), command.idempotencyKey(), Optional.of(Duration.ofMinutes(10)), 1, principal);
    }

    private static RescheduleReservationCommand moveLater(Reservation reservation, Optional<PrincipalName> principal) {
        return new RescheduleReservationCommand(
                reservation.id(),
                Optional.of(slot(30, 2).startsAt()),
                Optional.of(slot(30, 2).endsAt()),
                Optional.empty(),
                Optional.empty(),
                principal);
    }

    @Test
    void the_principal_who_placed_it_is_recorded_on_the_event_and_the_reservation() {
        var app = app(false);

        var placed = app.place(by(ADA));

        assertThat(placed.placedBy()).isEqualTo(ADA);
        assertThat(app.findById(placed.id()).placedBy()).isEqualTo(ADA);
        assertThat(publisher.published().getFirst())
                .isInstanceOfSatisfying(
                        ReservationPlaced.class,
                        event -> assertThat(event.placedBy()).isEqualTo(ADA));
        assertThat(Reservation.restore(publisher.published()).placedBy()).isEqualTo(ADA);
    }

    @Test
    void with_owner_only_another_principal_may_not_cancel_and_nothing_is_published() {
        var app = app(true);
        var placed = app.place(by(ADA));
        int events = publisher.published().size();

        assertThatThrownBy(() -> app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), BOB)))
                .isInstanceOfSatisfying(
                        NotReservationOwnerException.class,
                        refused -> assertThat(refused.reservationId()).isEqualTo(placed.id()));
        assertThat(publisher.published()).hasSize(events);
        assertThat(app.findById(placed.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void with_owner_only_a_caller_with_no_principal_may_not_cancel_an_owned_reservation() {
        var app = app(true);
        var placed = app.place(by(ADA));

        assertThatThrownBy(() -> app.cancel(new CancelReservationCommand(placed.id())))
                .isInstanceOf(NotReservationOwnerException.class);
    }

    @Test
    void with_owner_only_the_principal_who_placed_it_may_cancel_it() {
        var app = app(true);
        var placed = app.place(by(ADA));

        var cancelled = app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), ADA));

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.placedBy()).isEqualTo(ADA);
    }

    @Test
    void with_owner_only_another_principal_may_not_cancel_even_a_cancelled_reservation() {
        var app = app(true);
        var placed = app.place(by(ADA));
        app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), ADA));

        assertThatThrownBy(() -> app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), BOB)))
                .isInstanceOf(NotReservationOwnerException.class);
    }

    @Test
    void with_owner_only_another_principal_may_not_confirm_a_hold_and_its_owner_may() {
        var app = app(true);
        var held = app.place(holdBy(ADA));
        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);

        assertThatThrownBy(() -> app.confirm(new ConfirmReservationCommand(held.id(), Optional.empty(), BOB)))
                .isInstanceOf(NotReservationOwnerException.class);
        assertThat(app.findById(held.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(app.confirm(new ConfirmReservationCommand(held.id(), Optional.empty(), ADA))
                        .status())
                .isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void with_owner_only_another_principal_may_not_move_it_and_its_owner_may() {
        var app = app(true);
        var placed = app.place(by(ADA));

        assertThatThrownBy(() -> app.reschedule(moveLater(placed, BOB)))
                .isInstanceOf(NotReservationOwnerException.class);
        assertThat(app.findById(placed.id()).slot()).isEqualTo(placed.slot());
        assertThat(app.reschedule(moveLater(placed, ADA)).slot()).isEqualTo(slot(30, 2));
    }

    @Test
    void with_owner_only_the_owner_is_asked_before_if_match_so_a_stranger_learns_no_version() {
        var app = app(true);
        var placed = app.place(by(ADA));

        assertThatThrownBy(() -> app.cancel(new CancelReservationCommand(placed.id(), Optional.of(7L), BOB)))
                .isInstanceOf(NotReservationOwnerException.class);
    }

    @Test
    void with_owner_only_a_reservation_placed_with_no_principal_stays_open_to_every_caller() {
        var app = app(true);
        var placed = app.place(by(Optional.empty()));

        assertThat(app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), BOB))
                        .status())
                .isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void without_owner_only_another_principal_may_cancel() {
        var app = app(false);
        var placed = app.place(by(ADA));

        assertThat(app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), BOB))
                        .status())
                .isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void owner_only_is_off_unless_asked_for() {
        var app = ReservationApplication.builder()
                .publisher(publisher)
                .clock(clock)
                .build();
        var placed = app.place(by(ADA));

        assertThat(app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), BOB))
                        .status())
                .isEqualTo(ReservationStatus.CANCELLED);
    }

    /**
     * Two instances on one log; the second has not read the placement yet when the stranger's cancel arrives. It
     * catches up first (as every change does), so it knows the owner and refuses, without publishing.
     */
    @Test
    void with_owner_only_an_instance_that_had_not_read_the_placement_yet_refuses_after_catching_up() {
        var log = new CopyOnWriteArrayList<ReservationEvent>();
        var one = new Instance(log);
        var two = new Instance(log);
        one.others = List.of(two);
        two.lagging = true;
        var placed = one.app.place(by(ADA));

        assertThatThrownBy(() -> two.app.cancel(new CancelReservationCommand(placed.id(), Optional.empty(), BOB)))
                .isInstanceOf(NotReservationOwnerException.class);
        assertThat(log).hasSize(1);
        assertThat(two.app
                        .cancel(new CancelReservationCommand(placed.id(), Optional.empty(), ADA))
                        .status())
                .isEqualTo(ReservationStatus.CANCELLED);
    }

    /** One instance on a shared in-memory log: it folds what it appends, and the rest when it catches up. */
    private final class Instance implements ReservationPublisher, ReservationLog {
        final List<ReservationEvent> log;
        final ReservationApplication app;
        ApplyReservationEventUseCase fold;
        List<Instance> others = List.of();
        int read;
        boolean lagging;

        Instance(List<ReservationEvent> log) {
            this.log = log;
            this.app = ReservationApplication.builder()
                    .publisher(this)
                    .log(fold -> {
                        this.fold = fold;
                        return this;
                    })
                    .clock(clock)
                    .settings(ownerOnly(true))
                    .build();
        }

        @Override
        public void publish(ReservationEvent event) {
            log.add(event);
            readAll();
            others.stream().filter(other -> !other.lagging).forEach(Instance::readAll);
        }

        void readAll() {
            while (read < log.size()) {
                fold.apply(new ApplyReservationEventCommand(log.get(read++), clock.instant()));
            }
        }

        @Override
        public boolean catchUp(Set<ResourceId> resources, Duration timeout) {
            readAll();
            return true;
        }
    }
}
