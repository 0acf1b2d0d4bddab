package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.util.Objects;

/** Reads one reservation from the repository. */
public final class FindReservationService implements FindReservationQuery {

    private final ReservationRepository repository;

    public FindReservationService(ReservationRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public Reservation findById(ReservationId id) {
        Objects.requireNonNull(id, "id");
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
