package io.github.reservekit.reservation.examples;

import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The README's embedding example: the core in a plain Java program, events printed instead of sent to Kafka. */
public final class EmbeddingExample {

    public static void main(String[] args) {
        var reservations = ReservationApplication.builder()
                .publisher(event -> System.out.println(
                        "published " + event.getClass().getSimpleName() + " for reservation " + event.subject()))
                .build();

        var table7 = new ResourceId("table-7");
        Instant tomorrow7pm = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(24 + 19));
        var dinner = reservations.place(PlaceReservationCommand.of(
                table7,
                new GuestName("Ada Lovelace"),
                new PartySize(4),
                new TimeSlot(tomorrow7pm, tomorrow7pm.plus(Duration.ofHours(2)))));
        System.out.println("placed " + dinner);

        try {
            reservations.place(PlaceReservationCommand.of(
                    table7,
                    new GuestName("Charles Babbage"),
                    new PartySize(2),
                    new TimeSlot(tomorrow7pm.plus(Duration.ofHours(1)), tomorrow7pm.plus(Duration.ofHours(3)))));
        } catch (ReservationConflictException conflict) {
            System.out.println("refused: " + conflict.getMessage());
        }

        reservations.cancel(new CancelReservationCommand(dinner.id()));
        System.out.println("table-7 now: " + reservations.listByResource(table7));
    }
}
