package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.Objects;

/**
 * An event read back from the system of record (the {@code reserve} topic), to bring the local state up to
 * date: during replay at start-up, or while tailing events other instances publish.
 *
 * @param event the recorded event
 */
public record ApplyReservationEventCommand(ReservationEvent event) {

    public ApplyReservationEventCommand {
        Objects.requireNonNull(event, "event");
    }
}
