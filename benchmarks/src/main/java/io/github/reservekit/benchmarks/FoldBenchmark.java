package io.github.reservekit.benchmarks;

import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.AvailabilityWindow;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

/**
 * The fold and the reads of contract version 3 in process, no Kafka (issue #19's measured targets): events/s of the
 * fold over a mix of placements, holds, confirmations, moves and cancellations; availability of a 31-day window on a
 * resource with 10,000 reservations; a placement on that busy resource against one on an empty resource. One thread,
 * so on one core. Run by {@code bin/benchmark-fold}; arguments: {@code --events N} (1,000,000).
 */
public final class FoldBenchmark {

    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));

    private FoldBenchmark() {}

    public static void main(String[] args) {
        int events = args.length == 2 && args[0].equals("--events") ? Integer.parseInt(args[1]) : 1_000_000;
        foldThroughput(Math.min(events, 200_000)); // warm-up
        double perSecond = foldThroughput(events);
        System.out.printf(
                "RESULT fold: %,d mixed events (placements 55%%, holds 15%%, confirmations 10%%, moves 10%%,"
                        + " cancellations 10%%) over resources of capacity 1 and 20 in %,.0f events/s on one thread (target"
                        + " >= 100,000)%n",
                events, perSecond);
        availability();
        busyVersusEmpty();
    }

    /** Applies {@code count} generated events to a fresh fold and returns events/s. */
    private static double foldThroughput(int count) {
        var fold = new AtomicReference<ApplyReservationEventUseCase>();
        ReservationApplication.builder()
                .publisher(event -> {})
                .log(source -> {
                    fold.set(source);
                    return (resources, timeout) -> true;
                })
                .build();
        var log = generate(count, new SplittableRandom(42));
        long started = System.nanoTime();
        Instant time = T0.minus(Duration.ofDays(1));
        for (int i = 0; i < log.size(); i++) {
            time = time.plusMillis(1);
            fold.get().apply(new ApplyReservationEventCommand(log.get(i), time, i % 3));
        }
        long took = System.nanoTime() - started;
        return count / (took / 1e9);
    }

    private static List<ReservationEvent> generate(int count, SplittableRandom random) {
        int resources = Math.max(1, count / 200);
        var placed = new ArrayList<ReservationPlaced>();
        var log = new ArrayList<ReservationEvent>(count);
        // Every other resource is a pool of capacity 20 (contract version 3), whose reservations take 1 to 3 units.
        for (int r = 0; r < resources; r += 2) {
            log.add(new ResourceDefined(
                    UUID.randomUUID(),
                    T0,
                    new ResourceId("resource-" + r),
                    20,
                    Optional.empty(),
                    Optional.of(T0.plus(Duration.ofDays(400))),
                    Optional.empty()));
        }
        while (log.size() < count) {
            int kind = random.nextInt(100);
            if (placed.isEmpty() || kind < 70) {
                int index = random.nextInt(resources);
                var resource = new ResourceId("resource-" + index);
                Instant start = T0.plus(Duration.ofHours(random.nextInt(24 * 365)));
                var event = new ReservationPlaced(
                        UUID.randomUUID(),
                        T0,
                        ReservationId.random(),
                        details(resource, new TimeSlot(start, start.plus(Duration.ofHours(1 + random.nextInt(3))))),
                        Optional.empty(),
                        Optional.of(T0.plus(Duration.ofDays(400))),
                        kind < 15 ? Optional.of(Duration.ofMinutes(10)) : Optional.empty(),
                        index % 2 == 0 ? 1 + random.nextInt(3) : 1,
                        Optional.empty());
                placed.add(event);
                log.add(event);
            } else {
                var target = placed.get(random.nextInt(placed.size()));
                Optional<Instant> confirmBy = Optional.of(T0.plus(Duration.ofDays(400)));
                if (kind >= 80 && kind < 90) {
                    Instant start = target.slot().startsAt().plus(Duration.ofHours(1));
                    log.add(new ReservationRescheduled(
                            UUID.randomUUID(),
                            T0,
                            target.reservationId(),
                            target.resourceId(),
                            new TimeSlot(start, start.plus(Duration.ofHours(2))),
                            1,
                            confirmBy,
                            Optional.empty()));
                } else {
                    log.add(confirmationOrCancellation(kind < 80, target, confirmBy));
                }
            }
        }
        return log;
    }

    /** A confirmation or a cancellation of {@code target}: the two take the same fields, unconditional here. */
    private static ReservationEvent confirmationOrCancellation(
            boolean confirm, ReservationPlaced target, Optional<Instant> confirmBy) {
        UUID eventId = UUID.randomUUID();
        ReservationId id = target.reservationId();
        ResourceId resource = target.resourceId();
        Optional<Long> unconditional = Optional.empty();
        return confirm
                ? new ReservationConfirmed(eventId, T0, id, resource, confirmBy, unconditional)
                : new ReservationCancelled(eventId, T0, id, resource, confirmBy, unconditional);
    }

    /** p99 of a 31-day availability query on a resource with 10,000 reservations. */
    private static void availability() {
        var app = ReservationApplication.builder().publisher(event -> {}).build();
        var busy = new ResourceId("busy");
        fill(app, busy, 10_000);
        var random = new SplittableRandom(7);
        int queries = 3_000;
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            Instant from = T0.plus(Duration.ofHours(random.nextInt(24 * 380)));
            long started = System.nanoTime();
            app.availability(new AvailabilityWindow(busy, from, from.plus(Duration.ofDays(31)), 1, Optional.empty()));
            nanos[i] = System.nanoTime() - started;
        }
        var latencies = Latencies.of(LongStream.of(nanos));
        System.out.printf(
                "RESULT availability: 31-day window on a resource with 10,000 reservations: p50 %.3f ms, p99 %.3f ms"
                        + " (target p99 < 2 ms), %d queries, the first ones included%n",
                latencies.p50(), latencies.p99(), queries);
    }

    /** p99 of a placement on a resource with 10,000 reservations against one on an empty resource. */
    private static void busyVersusEmpty() {
        var app = ReservationApplication.builder().publisher(event -> {}).build();
        var busy = new ResourceId("busy");
        fill(app, busy, 10_000);
        int placements = 4_000;
        long[] onBusy = new long[placements];
        long[] onEmpty = new long[placements];
        for (int round = 0; round < 2; round++) { // the first round warms up
            for (int i = 0; i < placements; i++) {
                // Busy: a slot in the middle of the 10,000 (refused or placed: either way a full decision).
                Instant start = T0.plus(Duration.ofMinutes(30 + 60L * ((i * 7L) % 10_000)));
                onBusy[i] = timePlacement(app, busy, start);
                onEmpty[i] = timePlacement(app, new ResourceId("empty-" + round + "-" + i), start);
            }
        }
        double busyP99 = Latencies.of(LongStream.of(onBusy)).p99();
        double emptyP99 = Latencies.of(LongStream.of(onEmpty)).p99();
        System.out.printf(
                "RESULT placement: p99 %.3f ms on a resource with 10,000 reservations, %.3f ms on an empty one:"
                        + " %.2fx (target <= 1.2x)%n",
                busyP99, emptyP99, busyP99 / emptyP99);
    }

    private static long timePlacement(ReservationApplication app, ResourceId resource, Instant start) {
        long started = System.nanoTime();
        try {
            app.place(PlaceReservationCommand.of(
                    resource,
                    new GuestName("Bench"),
                    new PartySize(2),
                    new TimeSlot(start, start.plus(Duration.ofMinutes(30)))));
        } catch (ReservationConflictException taken) {
            // a decision all the same
        }
        return System.nanoTime() - started;
    }

    /** {@code count} half-hour reservations, one at the start of every hour, from T0 on. */
    private static void fill(ReservationApplication app, ResourceId resource, int count) {
        for (int i = 0; i < count; i++) {
            Instant start = T0.plus(Duration.ofHours(i));
            app.place(PlaceReservationCommand.of(
                    resource,
                    new GuestName("Guest " + i),
                    new PartySize(2),
                    new TimeSlot(start, start.plusSeconds(1800))));
        }
    }

    private static ReservationDetails details(ResourceId resource, TimeSlot slot) {
        return new ReservationDetails(resource, new GuestName("Guest"), new PartySize(2), slot);
    }
}
