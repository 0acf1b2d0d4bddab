package io.github.reservekit.kafka;

import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.event.ReservationEvent;

/**
 * Publishes only once the follower has caught up: before, the state the core decides on is not the topic's yet
 * (the replay runs in the background after {@link ReserveKitKafka#startInBackground()}), so a write fails fast, never
 * appended (the core answers it as not kept: a 503 to retry).
 */
final class CaughtUpPublisher implements ReservationPublisher {
    private final ReservationPublisher publisher;
    private volatile KafkaReservationFollower follower;

    CaughtUpPublisher(ReservationPublisher publisher) {
        this.publisher = publisher;
    }

    /** The follower to wait for; built after the core, which this publisher is part of. */
    void follow(KafkaReservationFollower follower) {
        this.follower = follower;
    }

    @Override
    public void publish(ReservationEvent event) {
        var following = follower;
        if (following == null || !following.isCaughtUp()) {
            throw new PublicationFailedException(
                    "not published: this instance has not replayed the topic yet ("
                            + (following == null ? "starting" : following.state()) + "); retry shortly",
                    // Not retriable in the core's sense (maybe appended): it certainly was not, so the answer
                    // is NOT_KEPT at once rather than after the publish timeout.
                    false);
        }
        publisher.publish(event);
    }
}
