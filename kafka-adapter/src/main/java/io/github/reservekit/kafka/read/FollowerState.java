package io.github.reservekit.kafka.read;

/** Where a {@link KafkaReservationFollower} is. */
public enum FollowerState {
    /** Built; {@link KafkaReservationFollower#start()} not called yet. */
    NEW,
    /** Reading the topic up to the end offsets taken at start. */
    REPLAYING,
    /** Caught up and applying new events as they arrive. */
    FOLLOWING,
    /** The thread died of an {@link Error}; the local state no longer follows the topic. */
    FAILED,
    /** Closed. */
    CLOSED
}
