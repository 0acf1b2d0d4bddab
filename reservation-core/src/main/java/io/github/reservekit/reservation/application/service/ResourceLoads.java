package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.out.ReservationRepository;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fold's view of each resource for its capacity rules (6, 9 and 10): the resource as defined so far, and the
 * reservations that count against it with the load they put on it. A resource's events are applied by one thread at a
 * time (the reader, or a single writer holding the resource's lock); the maps may be read from any thread.
 */
final class ResourceLoads {

    private final ReservationRepository repository;
    // Rule 6's capacity check: per resource, what counts and the load it puts on the resource.
    private final Map<ResourceId, CountingReservations> counting = new ConcurrentHashMap<>();
    // Rule 10: the resources defined so far (never forgotten: one entry per defined resource). Others hold one unit.
    private final Map<ResourceId, Resource> resources = new ConcurrentHashMap<>();

    ResourceLoads(ReservationRepository repository) {
        this.repository = repository;
    }

    /** What counts for the resource at time {@code t} (every record of a partition comes at or after its time). */
    CountingReservations countingAt(ResourceId resourceId, Optional<Instant> t) {
        var resource = counting.computeIfAbsent(resourceId, any -> new CountingReservations());
        t.ifPresent(resource::advanceTo);
        return resource;
    }

    /** Counts {@code reservation} against its resource until it stops counting. */
    void count(CountingReservations resource, Reservation reservation) {
        resource.count(reservation.id(), reservation.slot(), reservation.units(), stopsCounting(reservation));
    }

    /** The resource as defined so far: one unit if nobody defined it. */
    Resource resource(ResourceId resourceId) {
        var defined = resources.get(resourceId);
        return defined != null ? defined : Resource.undefined(resourceId);
    }

    /** Rule 10: the resource is now {@code made}. */
    void define(Resource made) {
        resources.put(made.id(), made);
    }

    /**
     * Rules 6 and 9, refused: the reservation other than {@code except} in the way of {@code slot} (OVERLAP), or, when
     * none is, the units alone exceed the capacity (CAPACITY).
     */
    FoldDecision refusal(
            ResourceId resourceId, TimeSlot slot, int units, CountingReservations resource, ReservationId except) {
        return oneInTheWay(resourceId, slot, resource, except)
                .<FoldDecision>map(standing -> new FoldDecision.Rejected(ReservationRejected.Reason.OVERLAP, standing))
                .orElseGet(() -> new FoldDecision.ResourceRefused(
                        ReservationRejected.Reason.CAPACITY, resource(resourceId), slot.startsAt(), units));
    }

    /** Resources with no new event keep what stopped counting until {@code logTime}: drops it, and the idle ones. */
    void forgetUpTo(Instant logTime) {
        counting.values().removeIf(resource -> {
            resource.advanceTo(logTime);
            return resource.isEmpty();
        });
    }

    /**
     * A reservation counts until a day after its slot ended (rule 12), a hold no later than when it expires unless it
     * is confirmed before.
     */
    private static Instant stopsCounting(Reservation reservation) {
        Instant ended = reservation.slot().endsAt().plus(ApplyReservationEventService.FORGET_AFTER_END);
        return reservation
                .holdExpiresAt()
                .filter(expires -> expires.isBefore(ended))
                .orElse(ended);
    }

    /**
     * One counting reservation other than {@code except} overlapping {@code slot}: among those that can start at most
     * 7 days before it.
     */
    private Optional<Reservation> oneInTheWay(
            ResourceId resourceId, TimeSlot slot, CountingReservations resource, ReservationId except) {
        return repository
                .findByResourceStartingFrom(resourceId, slot.startsAt().minus(TimeSlot.MAX_LENGTH))
                .takeWhile(reservation -> reservation.slot().startsAt().isBefore(slot.endsAt()))
                .filter(reservation -> !reservation.id().equals(except)
                        && resource.counts(reservation.id())
                        && reservation.slot().overlaps(slot))
                .findFirst();
    }
}
