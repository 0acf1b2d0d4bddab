package io.github.reservekit.spring;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every publish ({@code reservekit.publish}, a timer with a histogram) tagged by event type and outcome
 * ({@code success}, {@code retriable-failure}, {@code failure}), so latency and failures show on
 * {@code /actuator/prometheus}.
 */
final class MeteredReservationPublisher implements ReservationPublisher {

    private final ReservationPublisher delegate;
    private final MeterRegistry meters;

    MeteredReservationPublisher(ReservationPublisher delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
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
                    .tag("type", type(event))
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private static String type(ReservationEvent event) {
        return switch (event) {
            case ReservationPlaced placed -> "placed";
            case ReservationCancelled cancelled -> "cancelled";
        };
    }
}
