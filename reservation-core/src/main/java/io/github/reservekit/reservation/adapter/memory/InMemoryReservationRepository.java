package io.github.reservekit.reservation.adapter.memory;

import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link ReservationRepository}: reservations in memory, lost when the process stops.
 *
 * <p>Thread-safe without locks of its own: concurrent maps indexed by id, by resource and by idempotency
 * key. Reads of one resource cost time proportional to that resource's reservations only.
 */
public final class InMemoryReservationRepository implements ReservationRepository {

    private static final Comparator<Reservation> BY_START_THEN_ID =
            Comparator.comparing((Reservation r) -> r.slot().startsAt()).thenComparing(r -> r.id().value());

    private final Map<ReservationId, Reservation> byId = new ConcurrentHashMap<>();
    private final Map<ResourceId, Map<ReservationId, Reservation>> byResource = new ConcurrentHashMap<>();
    private final Map<IdempotencyKey, ReservationId> byIdempotencyKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Reservation> findById(ReservationId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<Reservation> findByResource(ResourceId resourceId) {
        var reservations = byResource.get(Objects.requireNonNull(resourceId, "resourceId"));
        return reservations == null
                ? List.of()
                : reservations.values().stream().sorted(BY_START_THEN_ID).toList();
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(IdempotencyKey key) {
        return Optional.ofNullable(byIdempotencyKey.get(Objects.requireNonNull(key, "key")))
                .map(byId::get);
    }

    @Override
    public void save(Reservation reservation) {
        Objects.requireNonNull(reservation, "reservation");
        byResource
                .computeIfAbsent(reservation.resourceId(), r -> new ConcurrentHashMap<>())
                .put(reservation.id(), reservation);
        byId.put(reservation.id(), reservation);
        reservation.idempotencyKey().ifPresent(key -> byIdempotencyKey.put(key, reservation.id()));
    }

    @Override
    public int count() {
        return byId.size();
    }
}
