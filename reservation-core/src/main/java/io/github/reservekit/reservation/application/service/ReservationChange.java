package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationChangedException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every change of an existing reservation (cancel, confirm, move) does before it decides: catch up with the log
 * (its resource is not known yet), take the resource's lock, load the reservation as it is now, and refuse, from that
 * up-to-date view, a caller who may not change it ({@link Ownership}) and a version the client read that is no longer
 * current ({@code If-Match}). Also what those changes answer alike. Thread-safe.
 */
final class ReservationChange {

    private final ReservationRepository repository;
    private final DecisionAwaitingWriter writer;
    private final Clock clock;
    private final Ownership ownership;

    /** @param ownership who may change a reservation ({@code reservekit.owner-only}) */
    ReservationChange(
            ReservationRepository repository, DecisionAwaitingWriter writer, Clock clock, Ownership ownership) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    /**
     * Runs {@code change} on the current reservation under its resource's lock.
     *
     * @throws ReservationNotFoundException if no reservation has the id
     * @throws NotReservationOwnerException if the ownership rule refuses {@code principal}
     * @throws ReservationChangedException if {@code ifVersion} is not its version
     */
    <T> T of(
            ReservationId id,
            Optional<Long> ifVersion,
            Optional<PrincipalName> principal,
            Function<Reservation, T> change) {
        writer.catchUp(Set.of());
        var resourceId = load(id).resourceId();
        return writer.locks().withLock(resourceId, () -> {
            var current = load(id);
            // Before If-Match: a caller who may not change it learns nothing more from a 412's current version.
            ownership.check(current, principal);
            if (ifVersion.isPresent() && ifVersion.get() != current.version()) {
                throw new ReservationChangedException(current.asOf(now()), ifVersion.get());
            }
            return change.apply(current);
        });
    }

    /** The reservation as this instance's view holds it. @throws ReservationNotFoundException if none has the id */
    Reservation load(ReservationId id) {
        return repository.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }

    /** The writer that publishes the change and answers with the fold's decision. */
    DecisionAwaitingWriter writer() {
        return writer;
    }

    Clock clock() {
        return clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The answer when the fold voided the change: appended after its {@code confirmBy}, it was not kept. */
    static ReservationNotConfirmedException voided(ReservationId id) {
        return new ReservationNotConfirmedException(
                id,
                ReservationNotConfirmedException.Outcome.NOT_KEPT,
                "its event was appended after its confirmBy",
                null);
    }
}
