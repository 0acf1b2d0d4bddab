package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.List;
import java.util.Objects;

/** Reads a resource's reservations from the repository. */
public final class ListReservationsService implements ListReservationsQuery {

    private final ReservationRepository repository;

    public ListReservationsService(ReservationRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public List<Reservation> listByResource(ResourceId resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        return repository.findByResource(resourceId);
    }
}
