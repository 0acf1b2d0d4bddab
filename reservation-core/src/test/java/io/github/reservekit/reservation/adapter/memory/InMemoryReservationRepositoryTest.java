package io.github.reservekit.reservation.adapter.memory;

import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.testing.ReservationRepositoryContract;

class InMemoryReservationRepositoryTest extends ReservationRepositoryContract {

    @Override
    protected ReservationRepository newRepository() {
        return new InMemoryReservationRepository();
    }
}
