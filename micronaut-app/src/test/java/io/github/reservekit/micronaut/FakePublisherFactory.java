package io.github.reservekit.micronaut;

import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** For tests of the HTTP layer alone: the core's recording fake instead of Kafka (run with kafka.enabled=false). */
@Factory
@Requires(property = FakePublisherFactory.ENABLED, value = "true")
public class FakePublisherFactory {

    /** Set to {@code true} to publish to the fake. */
    public static final String ENABLED = "reservekit.test.fake-publisher";

    @Singleton
    @Replaces(ReservationPublisher.class)
    RecordingReservationPublisher recordingReservationPublisher() {
        return new RecordingReservationPublisher();
    }
}
