package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Reads a resource's reservations, after catching up with the resource's part of the log. */
public final class ListReservationsService implements ListReservationsQuery {

    private final ReservationRepository repository;
    private final DecidingWriter writer;

    public ListReservationsService(ReservationRepository repository, DecidingWriter writer) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public List<Reservation> listByResource(ResourceId resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        writer.catchUp(Set.of(resourceId));
        return repository.findByResource(resourceId);
    }
}
