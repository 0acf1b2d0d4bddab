package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.out.ReservationLog;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The services of every use case, built together so that they share what they must (the state, the per-resource
 * locks, the writers waiting for the fold): nobody can assemble them apart. {@code ReservationApplication} is the
 * public way to get them.
 *
 * @param place places, answering from the fold
 * @param cancel cancels, answering from the fold
 * @param find reads one reservation, up to date with the log
 * @param list reads a resource's reservations, up to date with the log
 * @param fold applies recorded events: the log's reader calls it
 */
public record ReservationServices(
        PlaceReservationUseCase place,
        CancelReservationUseCase cancel,
        FindReservationQuery find,
        ListReservationsQuery list,
        ApplyReservationEventUseCase fold) {

    /**
     * Assembles the services.
     *
     * @param log the log every instance reads, when there is one: writers then answer only from what its fold
     *     decided; empty: a single writer that folds its own events once published
     * @param publishTimeout how long a writer waits for its event (events carry {@code confirmBy} = now + this)
     * @param clockSkewMargin how far this host's clock may be from the log's (the brokers'); a writer that saw no
     *     decision waits this much past {@code confirmBy} before it reads the log to conclude
     */
    public static ReservationServices assemble(
            ReservationRepository repository,
            ReservationPublisher publisher,
            Optional<ReservationLog> log,
            Clock clock,
            Duration publishTimeout,
            Duration clockSkewMargin) {
        var pending = new PendingDecisions();
        var fold = new ApplyReservationEventService(repository, pending);
        var writer = new DecidingWriter(publisher, log, fold, pending, clock, publishTimeout, clockSkewMargin);
        var locks = new KeyedLocks();
        return new ReservationServices(
                new PlaceReservationService(repository, writer, clock, locks),
                new CancelReservationService(repository, writer, clock, locks),
                new FindReservationService(repository, writer),
                new ListReservationsService(repository, writer),
                fold);
    }
}
