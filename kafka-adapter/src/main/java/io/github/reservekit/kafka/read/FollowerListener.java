package io.github.reservekit.kafka.read;

import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.Objects;

/**
 * Told of every record the follower read, after the core applied it (or after it was skipped): how the live view
 * and metrics see the topic without reading it a second time. Called on the follower's thread, in partition
 * order; an implementation must be quick and must not throw (a listener that throws is logged and ignored).
 */
@FunctionalInterface
public interface FollowerListener {

    void onRecord(FollowedRecord record);

    /**
     * A listener told only of the records that hold an event this reader can read, with where each sits: what the
     * shells' live view keeps ({@code FollowerListener.ofEvents(recentEvents::add)}).
     */
    static FollowerListener ofEvents(EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return record ->
                record.event().ifPresent(event -> listener.onEvent(event, record.partition(), record.offset()));
    }

    /** Told of one event the follower read, and where it sits on the topic; the same rules as a follower listener. */
    @FunctionalInterface
    interface EventListener {

        void onEvent(ReservationEvent event, int partition, long offset);
    }
}
