package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every change of an existing reservation (cancel, confirm, move) does before it decides: catch up with the log
 * (its resource is not known yet), take the resource's lock, load the reservation as it is now, and refuse, from that
 * up-to-date view, a caller who may not change it ({@link Ownership}) and a version the client read that is no longer
 * current ({@code If-Match}).
 */
final class ReservationChange {

    private ReservationChange() {}

    /**
     * Runs {@code change} on the current reservation under its resource's lock.
     *
     * @throws ReservationNotFoundException if no reservation has the id
     * @throws NotReservationOwnerException if {@code ownership} refuses {@code principal}
     * @throws ReservationChangedException if {@code ifVersion} is not its version
     */
    static <T> T of(
            DecidingWriter writer,
            ReservationRepository repository,
            Clock clock,
            ReservationId id,
            Optional<Long> ifVersion,
            Ownership ownership,
            Optional<PrincipalName> principal,
            Function<Reservation, T> change) {
        writer.catchUp(Set.of());
        var resourceId = load(repository, id).resourceId();
        return writer.locks().withLock(resourceId, () -> {
            var current = load(repository, id);
            // Before If-Match: a caller who may not change it learns nothing more from a 412's current version.
            ownership.check(current, principal);
            if (ifVersion.isPresent() && ifVersion.get() != current.version()) {
                throw new ReservationChangedException(current.asOf(clock.instant()), ifVersion.get());
            }
            return change.apply(current);
        });
    }

    static Reservation load(ReservationRepository repository, ReservationId id) {
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }
}
