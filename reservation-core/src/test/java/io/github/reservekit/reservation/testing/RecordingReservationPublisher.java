package io.github.reservekit.reservation.testing;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An in-memory {@link ReservationPublisher} that records what it publishes and can be told to fail, or to
 * run a hook (for example, block on a latch) before it publishes. Thread-safe.
 */
public final class RecordingReservationPublisher implements ReservationPublisher {

    private final List<ReservationEvent> published = new CopyOnWriteArrayList<>();
    private final AtomicReference<PublicationFailedException> failure = new AtomicReference<>();
    private volatile Consumer<ReservationEvent> beforePublish = event -> {};

    @Override
    public void publish(ReservationEvent event) {
        Objects.requireNonNull(event, "event");
        beforePublish.accept(event);
        var failing = failure.get();
        if (failing != null) {
            throw failing;
        }
        published.add(event);
    }

    /** Every event published so far, in order. */
    public List<ReservationEvent> published() {
        return List.copyOf(published);
    }

    /** From now on every publish fails with a {@link PublicationFailedException} of this retriability. */
    public void failWith(boolean retriable) {
        failure.set(new PublicationFailedException("the fake publisher was told to fail", retriable));
    }

    /** From now on publishing succeeds again. */
    public void recover() {
        failure.set(null);
    }

    /** Runs {@code hook} on the publishing thread before each publish. */
    public void beforePublish(Consumer<ReservationEvent> hook) {
        this.beforePublish = Objects.requireNonNull(hook, "hook");
    }
}
