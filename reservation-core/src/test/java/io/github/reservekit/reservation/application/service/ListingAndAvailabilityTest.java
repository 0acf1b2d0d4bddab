package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.NOW;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_2;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.application.port.in.Availability.FreeInterval;
import io.github.reservekit.reservation.application.port.in.AvailabilityWindow;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.ReservationListing;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.bootstrap.ReservationSettings;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads of contract version 3, section 4.3: paged listing by time and status, "what is free", the horizon. */
class ListingAndAvailabilityTest {

    private final ReservationApplication app = ReservationApplication.builder()
            .publisher(new RecordingReservationPublisher())
            .clock(ReservationFixtures.clock())
            .build();

    private static Instant at(int hoursFromNow) {
        return NOW.plus(Duration.ofHours(hoursFromNow));
    }

    @Test
    void a_listing_pages_through_the_reservations_overlapping_a_window_in_order_of_start() {
        var reservations = new ArrayList<Reservation>();
        for (int hour = 24; hour < 48; hour += 2) {
            reservations.add(app.place(placeCommand(TABLE_1, slot(hour, 2))));
        }
        app.place(placeCommand(TABLE_2, slot(30, 2)));
        // [27, 37) overlaps the ones starting at 26 (until 28) up to 36: six reservations.
        var window = new ReservationListing(
                TABLE_1, Optional.of(at(27)), Optional.of(at(37)), Set.of(), 4, Optional.empty());

        var first = app.list(window);
        var second = app.list(new ReservationListing(TABLE_1, window.from(), window.to(), Set.of(), 4, first.next()));

        assertThat(first.reservations()).containsExactlyElementsOf(reservations.subList(1, 5));
        assertThat(first.next()).isPresent();
        assertThat(second.reservations()).containsExactlyElementsOf(reservations.subList(5, 7));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void a_listing_keeps_the_statuses_asked_for() {
        var kept = app.place(placeCommand(TABLE_1, slot(24, 2)));
        var cancelled = app.place(placeCommand(TABLE_1, slot(26, 2)));
        app.cancel(new CancelReservationCommand(cancelled.id()));

        var page = app.list(new ReservationListing(
                TABLE_1,
                Optional.empty(),
                Optional.empty(),
                Set.of(ReservationStatus.CANCELLED),
                10,
                Optional.empty()));

        assertThat(page.reservations()).extracting(Reservation::id).containsExactly(cancelled.id());
        assertThat(app.list(ReservationListing.of(TABLE_1)).reservations())
                .extracting(Reservation::id)
                .containsExactly(kept.id(), cancelled.id());
    }

    @Test
    void availability_answers_the_maximal_free_intervals_of_the_window_long_enough() {
        app.place(placeCommand(TABLE_1, slot(26, 2))); // [26, 28)
        app.place(placeCommand(TABLE_1, slot(28, 1))); // [28, 29): back to back, one taken stretch
        var cancelled = app.place(placeCommand(TABLE_1, slot(30, 2)));
        app.cancel(new CancelReservationCommand(cancelled.id())); // cancelled: free again
        app.place(placeCommand(TABLE_1, slot(33, 1))); // [33, 34)
        app.place(placeCommand(TABLE_1, slot(20, 5))); // [20, 25): starts before the window

        var all = app.availability(new AvailabilityWindow(TABLE_1, at(22), at(36), 1, Optional.empty()));
        var longOnes =
                app.availability(new AvailabilityWindow(TABLE_1, at(22), at(36), 1, Optional.of(Duration.ofHours(2))));

        assertThat(all.capacity()).isEqualTo(1);
        assertThat(all.free())
                .containsExactly(
                        new FreeInterval(at(25), at(26)),
                        new FreeInterval(at(29), at(33)),
                        new FreeInterval(at(34), at(36)));
        assertThat(longOnes.free()).containsExactly(new FreeInterval(at(29), at(33)), new FreeInterval(at(34), at(36)));
        assertThat(app.availability(new AvailabilityWindow(TABLE_1, at(22), at(36), 2, Optional.empty()))
                        .free())
                .as("more units than the resource has are never free")
                .isEmpty();
    }

    @Test
    void a_window_longer_than_31_days_is_refused_naming_to() {
        assertThatThrownBy(
                        () -> new AvailabilityWindow(TABLE_1, NOW, NOW.plus(Duration.ofDays(32)), 1, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidReservationException.class,
                        invalid -> assertThat(invalid.getMessage()).contains("to"));
    }

    @Test
    void a_slot_beyond_the_horizon_is_refused_naming_starts_at_and_nothing_is_published() {
        var publisher = new RecordingReservationPublisher();
        var shortHorizon = ReservationApplication.builder()
                .publisher(publisher)
                .clock(ReservationFixtures.clock())
                .settings(ReservationSettings.DEFAULTS.withMaxHorizon(Duration.ofDays(30)))
                .build();

        assertThatThrownBy(() -> shortHorizon.place(placeCommand(TABLE_1, slot(31 * 24, 2))))
                .isInstanceOfSatisfying(
                        InvalidReservationException.class,
                        invalid -> assertThat(invalid.violations())
                                .singleElement()
                                .satisfies(violation ->
                                        assertThat(violation.field()).isEqualTo("startsAt")));
        assertThat(publisher.published()).isEmpty();
        assertThat(shortHorizon.place(placeCommand(TABLE_1, slot(29 * 24, 2))).isConfirmed())
                .isTrue();
        assertThat(ReservationSettings.DEFAULTS.maxHorizon()).isEqualTo(Duration.ofDays(730));
    }
}
