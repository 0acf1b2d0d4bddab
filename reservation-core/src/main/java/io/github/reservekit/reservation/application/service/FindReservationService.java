package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/** Reads one reservation, after catching up with the whole log (its resource is not known yet). */
public final class FindReservationService implements FindReservationQuery {

    private final ReservationRepository repository;
    private final DecisionAwaitingWriter writer;
    private final Clock clock;

    /** @param clock a hold is shown EXPIRED once its time has passed on it */
    public FindReservationService(ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reservation findById(ReservationId id) {
        Objects.requireNonNull(id, "id");
        writer.catchUp(Set.of());
        return repository
                .findById(id)
                .map(reservation -> reservation.asOf(clock.instant()))
                .orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
