package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.Reservation;

/**
 * A reservation as the HTTP API returns it (CONTRACT.md section 1): instants as RFC 3339 text in UTC.
 */
public record ReservationView(
        String id,
        String resourceId,
        String guestName,
        int partySize,
        String startsAt,
        String endsAt,
        String status,
        String createdAt) {

    public static ReservationView from(Reservation reservation) {
        return new ReservationView(
                reservation.id().toString(),
                reservation.resourceId().value(),
                reservation.guestName().value(),
                reservation.partySize().value(),
                reservation.slot().startsAt().toString(),
                reservation.slot().endsAt().toString(),
                reservation.status().name(),
                reservation.createdAt().toString());
    }

    /** The {@code Location} of a reservation. */
    public static String location(Reservation reservation) {
        return "/reservations/" + reservation.id();
    }
}
