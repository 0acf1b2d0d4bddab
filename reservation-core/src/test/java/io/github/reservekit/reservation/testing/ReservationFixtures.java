package io.github.reservekit.reservation.testing;

import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Valid reservations, commands and events for tests, all relative to {@link #NOW} so that every slot is in
 * the future of {@link #clock()}.
 */
public final class ReservationFixtures {

    /** The fixed "now" of the fixtures' clock. */
    public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    public static final ResourceId TABLE_1 = new ResourceId("table-1");
    public static final ResourceId TABLE_2 = new ResourceId("table-2");

    private ReservationFixtures() {}

    /** A clock standing at {@link #NOW}. */
    public static MutableClock clock() {
        return new MutableClock(NOW);
    }

    /** A slot starting {@code hoursFromNow} hours after {@link #NOW}, lasting {@code hours}. */
    public static TimeSlot slot(int hoursFromNow, int hours) {
        Instant start = NOW.plus(Duration.ofHours(hoursFromNow));
        return new TimeSlot(start, start.plus(Duration.ofHours(hours)));
    }

    /** Tomorrow 19:00 to 21:00 UTC. */
    public static TimeSlot dinnerTomorrow() {
        return slot(33, 2);
    }

    public static ReservationDetails details(ResourceId resourceId, TimeSlot slot) {
        return new ReservationDetails(resourceId, new GuestName("Ada Lovelace"), new PartySize(4), slot);
    }

    public static PlaceReservationCommand placeCommand(ResourceId resourceId, TimeSlot slot) {
        return new PlaceReservationCommand(details(resourceId, slot), Optional.empty());
    }

    public static PlaceReservationCommand placeCommand(ResourceId resourceId, TimeSlot slot, String idempotencyKey) {
        return new PlaceReservationCommand(details(resourceId, slot), Optional.of(new IdempotencyKey(idempotencyKey)));
    }

    /** A placed event for a new reservation of {@code resourceId}, decided at {@link #NOW}. */
    public static ReservationPlaced placedEvent(ResourceId resourceId, TimeSlot slot) {
        return Reservation.place(details(resourceId, slot), Optional.empty(), List.of(), clock());
    }

    /** The event that cancels the reservation {@code placed} created, decided at {@code clock}'s time. */
    public static ReservationCancelled cancelledEvent(ReservationPlaced placed, Clock clock) {
        return Reservation.placed(placed).cancel(clock);
    }

    /** One placed event per resource {@code resource-0 .. resource-(n-1)}, plus a cancel for each even one. */
    public static List<ReservationEvent> mixedEvents(int resources) {
        var clock = clock();
        var events = new java.util.ArrayList<ReservationEvent>();
        for (int i = 0; i < resources; i++) {
            var placed = placedEvent(new ResourceId("resource-" + i), slot(24 + i, 1));
            events.add(placed);
            if (i % 2 == 0) {
                events.add(cancelledEvent(placed, clock));
            }
        }
        return List.copyOf(events);
    }
}
