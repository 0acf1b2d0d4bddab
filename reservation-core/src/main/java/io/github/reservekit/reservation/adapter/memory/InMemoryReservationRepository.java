package io.github.reservekit.reservation.adapter.memory;

import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The embedded default {@link ReservationRepository}: reservations in memory, lost when the process stops.
 *
 * <p>Thread-safe without locks of its own: concurrent maps indexed by id, by resource and by idempotency
 * key. Each resource's reservations are kept ordered by start, so reading one resource costs time
 * proportional to that resource's reservations only, with no sorting.
 */
public final class InMemoryReservationRepository implements ReservationRepository {

    /** Where a reservation sorts within its resource; neither part changes when it is cancelled. */
    private record Position(Instant startsAt, ReservationId id) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byStart = startsAt.compareTo(other.startsAt);
            return byStart != 0 ? byStart : id.value().compareTo(other.id.value());
        }
    }

    private final Map<ReservationId, Reservation> byId = new ConcurrentHashMap<>();
    // Kept in order, so listing a resource (which every placement does to check for conflicts) never sorts.
    private final Map<ResourceId, ConcurrentSkipListMap<Position, Reservation>> byResource = new ConcurrentHashMap<>();

    private record ResourceKey(ResourceId resourceId, IdempotencyKey key) {}

    private final Map<ResourceKey, ReservationId> byIdempotencyKey = new ConcurrentHashMap<>();

    /** Where a reservation sorts by the end of its slot, for forgetting what ended. */
    private record Ending(Instant endsAt, ReservationId id) implements Comparable<Ending> {
        @Override
        public int compareTo(Ending other) {
            int byEnd = endsAt.compareTo(other.endsAt);
            return byEnd != 0 ? byEnd : id.value().compareTo(other.id.value());
        }
    }

    private static final ReservationId LAST_ID = new ReservationId(new UUID(Long.MAX_VALUE, Long.MAX_VALUE));
    private static final ReservationId FIRST_ID = new ReservationId(new UUID(Long.MIN_VALUE, Long.MIN_VALUE));

    private final ConcurrentSkipListMap<Ending, ReservationId> byEnd = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Reservation> findById(ReservationId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<Reservation> findByResource(ResourceId resourceId) {
        var reservations = byResource.get(Objects.requireNonNull(resourceId, "resourceId"));
        return reservations == null ? List.of() : List.copyOf(reservations.values());
    }

    @Override
    public Stream<Reservation> findByResourceStartingFrom(ResourceId resourceId, Instant startsAt) {
        var reservations = byResource.get(Objects.requireNonNull(resourceId, "resourceId"));
        if (reservations == null) {
            return Stream.empty();
        }
        return reservations
                .tailMap(new Position(Objects.requireNonNull(startsAt, "startsAt"), FIRST_ID), true)
                .values()
                .stream();
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(ResourceId resourceId, IdempotencyKey key) {
        return Optional.ofNullable(byIdempotencyKey.get(new ResourceKey(
                        Objects.requireNonNull(resourceId, "resourceId"), Objects.requireNonNull(key, "key"))))
                .map(byId::get);
    }

    @Override
    public void save(Reservation reservation) {
        Objects.requireNonNull(reservation, "reservation");
        var previous = byId.get(reservation.id());
        if (previous != null && !previous.slot().equals(reservation.slot())) {
            // Moved (contract version 3): it leaves its old place in the resource's order and by end.
            var reservations = byResource.get(previous.resourceId());
            if (reservations != null) {
                reservations.remove(new Position(previous.slot().startsAt(), previous.id()));
            }
            byEnd.remove(new Ending(previous.slot().endsAt(), previous.id()));
        }
        byResource
                .computeIfAbsent(reservation.resourceId(), r -> new ConcurrentSkipListMap<>())
                .put(new Position(reservation.slot().startsAt(), reservation.id()), reservation);
        byId.put(reservation.id(), reservation);
        byEnd.put(new Ending(reservation.slot().endsAt(), reservation.id()), reservation.id());
        reservation
                .idempotencyKey()
                .ifPresent(
                        key -> byIdempotencyKey.put(new ResourceKey(reservation.resourceId(), key), reservation.id()));
    }

    @Override
    public int removeEndedBy(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int removed = 0;
        var ended = byEnd.headMap(new Ending(cutoff, LAST_ID), true);
        for (var entry : ended.entrySet()) {
            var reservation = byId.remove(entry.getValue());
            ended.remove(entry.getKey());
            if (reservation == null) {
                continue;
            }
            removed++;
            var position = new Position(reservation.slot().startsAt(), reservation.id());
            byResource.computeIfPresent(reservation.resourceId(), (resource, reservations) -> {
                reservations.remove(position);
                return reservations.isEmpty() ? null : reservations;
            });
            reservation
                    .idempotencyKey()
                    .ifPresent(key ->
                            byIdempotencyKey.remove(new ResourceKey(reservation.resourceId(), key), reservation.id()));
        }
        return removed;
    }

    @Override
    public int count() {
        return byId.size();
    }
}
