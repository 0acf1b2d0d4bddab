package io.github.reservekit.kafka.examples;

import io.github.reservekit.kafka.KafkaPublisherSettings;
import io.github.reservekit.kafka.KafkaReservationFollower;
import io.github.reservekit.kafka.KafkaReservationPublisher;
import io.github.reservekit.kafka.ReserveTopic;
import io.github.reservekit.reservation.adapter.memory.InMemoryReservationRepository;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * docs/kafka-adapter.md's "Kafka as the system of record" example: a plain Java program whose reservations
 * survive restarts, because it rebuilds them from the topic at start and follows the topic while it runs. Run it
 * twice: the second run finds the first run's reservation, and its retry with the same idempotency key returns it.
 */
public final class SystemOfRecordExample {

    public static void main(String[] args) {
        var settings = KafkaPublisherSettings.of(args.length > 0 ? args[0] : "localhost:9092");
        System.out.println("dinner: " + run(settings));
    }

    /** Starts, rebuilds, places (or finds) tomorrow's dinner, and stops; returns the dinner. */
    public static Reservation run(KafkaPublisherSettings settings) {
        try (var topic = ReserveTopic.create(settings)) {
            topic.ensureExists(); // creates the topic if missing: every event kept forever
        }
        try (var publisher = KafkaReservationPublisher.create(settings)) {
            var reservations = ReservationApplication.builder()
                    .publisher(publisher)
                    .repository(new InMemoryReservationRepository())
                    .build();
            // try-with-resources closes in reverse order: the follower stops before the publisher.
            try (var follower = KafkaReservationFollower.create(settings, reservations)) {
                var replayed = follower.replay(Duration.ofMinutes(5)); // blocks until caught up
                System.out.println(
                        "replayed " + replayed.replayedRecords() + " records, skipped " + replayed.skipped());

                // Ready: serve. Reads see every instance's events; writes publish, then apply here.
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
}
