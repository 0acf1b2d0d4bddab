package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.application.port.out.ReservationLog;

/**
 * Where the core gets the log that decides: given the fold that the core built, an adapter makes the log's reader
 * (Kafka: the follower of the topic) fold every event through that very object and returns the log as the core
 * uses it. The core calls it once, while it is being assembled, so neither side needs a reference filled in later.
 */
@FunctionalInterface
public interface ReservationLogSource {

    /**
     * @param fold the core's fold: the reader applies every event through it and tells it how far the log was read
     * @return the log, read by a reader that folds into {@code fold}; it reads nothing before its owner starts it
     */
    ReservationLog open(ApplyReservationEventUseCase fold);
}
