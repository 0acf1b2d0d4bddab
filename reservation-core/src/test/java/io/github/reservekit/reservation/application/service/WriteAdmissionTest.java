package io.github.reservekit.reservation.application.service;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_2;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placeCommand;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.out.WriteAdmission;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException.Outcome;
import io.github.reservekit.reservation.domain.WriteNotAdmittedException;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Admission control in the one write path: a write the admission refuses publishes nothing and fails at once, not
 * kept, naming the key to retry with; reads are never refused; the admission learns how each admitted write ended.
 */
class WriteAdmissionTest {

    private final RecordingReservationPublisher publisher = new RecordingReservationPublisher();

    /** A bound of {@code permits} writes in flight that records how each admitted write ended. */
    private static final class Bounded implements WriteAdmission {
        final Semaphore permits;
        final List<String> ends = new CopyOnWriteArrayList<>();

        Bounded(int permits) {
            this.permits = new Semaphore(permits);
        }

        @Override
        public Optional<Admitted> tryAdmit() {
            if (!permits.tryAcquire()) {
                return Optional.empty();
            }
            return Optional.of(new Admitted() {
                @Override
                public void decided() {
                    end("decided");
                }

                @Override
                public void timedOut() {
                    end("timedOut");
                }

                @Override
                public void ignored() {
                    end("ignored");
                }
            });
        }

        private void end(String how) {
            ends.add(how);
            permits.release();
        }
    }

    private ReservationApplication app(WriteAdmission admission) {
        return ReservationApplication.builder()
                .publisher(publisher)
                .clock(ReservationFixtures.clock())
                .admission(admission)
                .build();
    }

    @Test
    void a_write_over_the_bound_is_refused_at_once_not_kept_and_publishes_nothing() throws Exception {
        var admission = new Bounded(1);
        var app = app(admission);
        var inFlight = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        publisher.beforePublish(event -> {
            inFlight.countDown();
            await(release);
        });
        var first = Thread.ofVirtual().start(() -> app.place(placeCommand(TABLE_1, slot(24, 2))));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        var refused = catchThrowableOfType(
                WriteNotAdmittedException.class, () -> app.place(placeCommand(TABLE_2, slot(24, 2), "retry-me")));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(refused.outcome()).isEqualTo(Outcome.NOT_KEPT);
        assertThat(refused.idempotencyKey()).contains(new IdempotencyKey("retry-me"));
        assertThat(tookMillis).as("refused at once, not after a wait").isLessThan(1_000);
        release.countDown();
        first.join(Duration.ofSeconds(5));
        assertThat(publisher.published())
                .as("only the admitted write was published")
                .hasSize(1);
        assertThat(admission.ends).containsExactly("decided");

        // The bound is free again: the same request, retried with its key, is placed.
        var placed = app.place(placeCommand(TABLE_2, slot(24, 2), "retry-me"));
        assertThat(app.findById(placed.id())).isEqualTo(placed);
        assertThat(publisher.published()).hasSize(2);
    }

    @Test
    void when_nothing_is_admitted_writes_are_refused_and_reads_are_still_served() {
        var admission = new Bounded(1);
        var app = app(admission);
        var placed = app.place(placeCommand(TABLE_1, slot(24, 2)));
        admission.permits.drainPermits();

        var refused = catchThrowableOfType(
                WriteNotAdmittedException.class, () -> app.place(placeCommand(TABLE_2, slot(30, 2))));

        assertThat(refused.outcome()).isEqualTo(Outcome.NOT_KEPT);
        assertThat(refused.idempotencyKey()).as("a generated key to retry with").isPresent();
        assertThat(publisher.published()).hasSize(1);
        assertThat(app.findById(placed.id())).isEqualTo(placed);
        assertThat(app.listByResource(TABLE_1)).containsExactly(placed);
        assertThat(app.listByResource(TABLE_2)).isEmpty();
    }

    @Test
    void a_cancellation_over_the_bound_is_refused_and_the_reservation_stays() {
        var admission = new Bounded(1);
        var app = app(admission);
        var placed = app.place(placeCommand(TABLE_1, slot(24, 2)));
        admission.permits.drainPermits();

        var refused = catchThrowableOfType(
                WriteNotAdmittedException.class, () -> app.cancel(new CancelReservationCommand(placed.id())));

        assertThat(refused.reservationId()).contains(placed.id());
        assertThat(refused.outcome()).isEqualTo(Outcome.NOT_KEPT);
        assertThat(app.findById(placed.id()).status()).isEqualTo(placed.status());
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void a_failed_publish_tells_the_admission_so_its_permit_is_not_lost() {
        var admission = new Bounded(1);
        var app = app(admission);
        publisher.failWith(true);

        catchThrowableOfType(RuntimeException.class, () -> app.place(placeCommand(TABLE_1, slot(24, 2))));
        publisher.recover();
        app.place(placeCommand(TABLE_1, slot(24, 2)));

        assertThat(admission.ends).containsExactly("timedOut", "decided");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
