package io.github.reservekit.kafka.metrics;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link ReservationPublisher} decorator that times every publish with Micrometer: {@code reservekit.publish}, a
 * timer with a histogram, tagged by event type ({@code placed}, {@code cancelled}) and outcome ({@code success},
 * {@code retriable-failure}, {@code failure}). Both shells use it, so their meters are the same. Thread-safe as
 * its delegate is. Needs {@code io.micrometer:micrometer-core} on the classpath (an optional dependency of the
 * adapter).
 */
public final class MeteredReservationPublisher implements ReservationPublisher {

    private final ReservationPublisher delegate;
    private final MeterRegistry meters;

    public MeteredReservationPublisher(ReservationPublisher delegate, MeterRegistry meters) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
        this.meters = java.util.Objects.requireNonNull(meters, "meters");
    }

    @Override
    public void publish(ReservationEvent event) {
        var sample = Timer.start(meters);
        var outcome = "failure";
        try {
            delegate.publish(event);
            outcome = "success";
        } catch (PublicationFailedException failed) {
            outcome = failed.retriable() ? "retriable-failure" : "failure";
            throw failed;
        } finally {
            sample.stop(Timer.builder("reservekit.publish")
                    .description("Time to publish a reservation event until Kafka acknowledged it")
                    .tag("type", event.kind())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }
}
