package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** For tests of the HTTP layer alone: the core on its recording fake publisher instead of Kafka (run with kafka.enabled=false). */
@Factory
@Requires(property = FakePublisherFactory.ENABLED, value = "true")
public class FakePublisherFactory {

    /** Set to {@code true} to publish to the fake. */
    public static final String ENABLED = "reservekit.test.fake-publisher";

    @Singleton
    RecordingReservationPublisher recordingReservationPublisher() {
        return new RecordingReservationPublisher();
    }

    /** The core assembled once, as ReserveKitFactory does on Kafka, publishing to the fake. */
    @Singleton
    ReservationApplication reservationApplication(RecordingReservationPublisher publisher) {
        return ReservationApplication.builder().publisher(publisher).build();
    }

    /** The live view exists without Kafka too; nothing feeds it here. */
    @Singleton
    RecentEvents recentEvents() {
        return new RecentEvents();
    }
}
