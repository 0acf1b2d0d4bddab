package io.github.reservekit.kafka.examples;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * docs/kafka-adapter.md's "Kafka as the system of record" example: a plain Java program whose reservations
 * survive restarts, because it rebuilds them from the topic at start and follows the topic while it runs. Run it
 * twice: the second run finds the first run's reservation, and its retry with the same idempotency key returns it.
 */
public final class SystemOfRecordExample {

    public static void main(String[] args) {
        var settings = ReserveKitSettings.defaults(URI.create("/reservekit/example"));
        System.out.println("dinner: " + run(settings, args.length > 0 ? args[0] : "localhost:9092"));
    }

    /** Starts, rebuilds, places (or finds) tomorrow's dinner, and stops; returns the dinner. */
    public static Reservation run(ReserveKitSettings settings, String bootstrapServers) {
        // Creates the topic if missing (every event kept forever), the publisher, the core and the follower.
        try (var kafka = ReserveKitKafka.builder(settings, Map.of("bootstrap.servers", bootstrapServers))
                .build()) {
            var replayed = kafka.start(); // blocks until caught up, then follows the topic
            System.out.println("replayed " + replayed.replayedRecords() + " records, skipped " + replayed.skipped());

            // Ready: serve. Reads see every instance's events; writes publish, then apply here.
            var reservations = kafka.reservations();
            var table = new ResourceId("table-7");
            System.out.println("table-7 holds " + reservations.listByResource(table));
            Instant tomorrow7pm = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(24 + 19));
            var dinner = PlaceReservationCommand.of(
                    table,
                    new GuestName("Ada Lovelace"),
                    new PartySize(4),
                    new TimeSlot(tomorrow7pm, tomorrow7pm.plus(Duration.ofHours(2))));
            // The same key after a restart returns the same reservation.
            return reservations.place(dinner.withIdempotencyKey(new IdempotencyKey("dinner-" + tomorrow7pm)));
        }
    }
}
