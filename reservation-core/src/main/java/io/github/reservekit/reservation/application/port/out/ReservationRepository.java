package io.github.reservekit.reservation.application.port.out;

import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps the current state of reservations. Holds only reservations whose events were published.
 *
 * <p>Implementations must be thread-safe; each method is atomic on its own. The application services
 * serialise writes per resource, so implementations need no cross-call transactions.
 */
public interface ReservationRepository {

    /** The reservation with this id, if any. */
    Optional<Reservation> findById(ReservationId id);

    /** Every reservation of the resource, any status, ordered by slot start then id; empty if none. */
    List<Reservation> findByResource(ResourceId resourceId);

    /**
     * The resource's reservations that start at or after {@code startsAt}, any status, ordered by slot start then
     * id, read lazily: a caller that stops early pays only for what it read.
     */
    Stream<Reservation> findByResourceStartingFrom(ResourceId resourceId, Instant startsAt);

    /** The reservation of this resource that was placed with this idempotency key, if any (keys are per resource). */
    Optional<Reservation> findByIdempotencyKey(ResourceId resourceId, IdempotencyKey key);

    /** How many reservations are kept, any status. */
    int count();

    /** Stores the reservation, replacing the one with the same id. */
    void save(Reservation reservation);

    /**
     * Forgets every reservation whose slot ended at or before {@code cutoff} (any status), with its idempotency key;
     * the fold calls it for what can no longer matter (see {@code ApplyReservationEventService}).
     *
     * @return how many were forgotten
     */
    int removeEndedBy(Instant cutoff);
}
