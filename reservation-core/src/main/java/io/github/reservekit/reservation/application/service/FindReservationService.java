package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.util.Objects;
import java.util.Set;

/** Reads one reservation, after catching up with the whole log (its resource is not known yet). */
public final class FindReservationService implements FindReservationQuery {

    private final ReservationRepository repository;
    private final DecidingWriter writer;

    public FindReservationService(ReservationRepository repository, DecidingWriter writer) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public Reservation findById(ReservationId id) {
        Objects.requireNonNull(id, "id");
        writer.catchUp(Set.of());
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
